/* fuzz-eml.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The .eml reader (letters imported into the correspondence register):
 * any bytes.
 */

#include "config.h"

#include "fuzz-common.h"
#include "redress-eml.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_common_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  RedressEml *eml = redress_eml_parse_bytes (bytes, "fuzz.eml", &error);

  if ((eml == NULL) == (error == NULL))
    abort ();
  if (eml != NULL)
    {
      /* Every string it gives the model is UTF-8. */
      const char *fields[] = { eml->subject, eml->from, eml->to, eml->date, eml->message_id,
                               eml->body };
      const char *names[] = { "subject", "from", "to", "date", "message-id", "body" };

      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        if (fields[i] != NULL && !g_utf8_validate (fields[i], -1, NULL))
          g_error ("The %s of the message is not UTF-8", names[i]);
      for (guint i = 0; i < eml->attachments->len; i++)
        {
          RedressEmlAttachment *a = g_ptr_array_index (eml->attachments, i);

          if (a->filename != NULL && !g_utf8_validate (a->filename, -1, NULL))
            g_error ("An attachment's name is not UTF-8");
        }
      redress_eml_free (eml);
    }
  return 0;
}
