/* redress-pdf.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lays a RedressDocument out on A4 pages with Pango and draws them with cairo:
 * into a PDF (with an outline of the headings and metadata from the case
 * reference, never the computer's user name), onto a GtkPrintOperation's
 * pages, or into an image for the composer's preview.  Layout is in points
 * with hinting off, so every target breaks lines and pages the same way.
 */

#define G_LOG_DOMAIN "redress-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "redress-pdf.h"

#define MARGIN_LEFT   70.0
#define MARGIN_RIGHT  70.0
#define MARGIN_TOP    72.0
#define MARGIN_BOTTOM 72.0
#define LIST_INDENT   20.0
#define CONTENT_WIDTH (REDRESS_PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)
#define BOTTOM        (REDRESS_PAGE_HEIGHT - MARGIN_BOTTOM)

typedef struct
{
  PangoLayout *layout;
  int          line;      /* -1: the whole layout, top-left at (x, y) */
  double       x;
  double       y;         /* the baseline for a line */
} Item;

typedef struct
{
  GArray    *items;       /* Item */
  GPtrArray *outline;     /* Heading */
} Page;

typedef struct
{
  char   *text;
  double  y;
} Heading;

struct _RedressPages
{
  RedressDocument *doc;
  PangoContext    *context;
  GPtrArray       *pages;  /* Page */
  double           y;      /* the layout cursor */
  guint            break_before;  /* a block that starts a page, or G_MAXUINT */
  GArray          *first_pages;   /* guint per block: the page its first line is on */
};

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->layout);
}

static void
heading_free (gpointer data)
{
  Heading *h = data;

  g_free (h->text);
  g_free (h);
}

static void
page_free (gpointer data)
{
  Page *page = data;

  g_array_unref (page->items);
  g_ptr_array_unref (page->outline);
  g_free (page);
}

static Page *
current_page (RedressPages *self)
{
  return g_ptr_array_index (self->pages, self->pages->len - 1);
}

static void
new_page (RedressPages *self)
{
  Page *page = g_new0 (Page, 1);

  page->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (page->items, item_clear);
  page->outline = g_ptr_array_new_with_free_func (heading_free);
  g_ptr_array_add (self->pages, page);
  self->y = MARGIN_TOP;
}

static char *
to_pango_markup (RedressPages *self,
                 const char   *markup)
{
  g_autoptr(GArray) runs = redress_markup_parse_inline (markup);
  GString *out = g_string_new (NULL);
  const char *language = redress_document_get_language (self->doc);

  for (guint i = 0; i < runs->len; i++)
    {
      const RedressInlineRun *run = &g_array_index (runs, RedressInlineRun, i);
      g_autofree char *typo = redress_typography_apply (language, run->text);
      g_autofree char *escaped = g_markup_escape_text (typo, -1);

      if (run->flags & REDRESS_INLINE_STRONG)
        g_string_append (out, "<b>");
      if (run->flags & REDRESS_INLINE_EMPHASIS)
        g_string_append (out, "<i>");
      g_string_append (out, escaped);
      if (run->flags & REDRESS_INLINE_EMPHASIS)
        g_string_append (out, "</i>");
      if (run->flags & REDRESS_INLINE_STRONG)
        g_string_append (out, "</b>");
    }
  return g_string_free (out, FALSE);
}

static PangoLayout *
make_layout (RedressPages   *self,
             const char     *font,
             double          width,
             const char     *pango_markup)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, pango_markup, -1);
  return layout;
}

/* Places @layout line by line at @x, breaking pages as needed. */
static void
place_lines (RedressPages *self,
             PangoLayout  *layout,
             double        x,
             guint        *first_page,
             double       *first_y)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int line = 0;
  double top = -1;

  do
    {
      PangoRectangle logical;
      double baseline, line_top, height;
      Item item = { 0 };

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      line_top = (double) logical.y / PANGO_SCALE;
      height = (double) logical.height / PANGO_SCALE;
      if (top < 0)
        top = line_top;
      if (self->y + (line_top - top) + height > BOTTOM && self->y > MARGIN_TOP + 0.5)
        {
          new_page (self);
          top = line_top;
        }
      item.layout = g_object_ref (layout);
      item.line = line;
      item.x = x + (double) logical.x / PANGO_SCALE;
      item.y = self->y + (baseline - top);
      g_array_append_val (current_page (self)->items, item);
      if (line == 0)
        {
          *first_page = self->pages->len - 1;
          *first_y = item.y;
        }
      if (!pango_layout_iter_next_line (iter))
        {
          self->y += (line_top - top) + height;
          break;
        }
      /* Move the cursor past this line once the next one starts. */
      {
        PangoRectangle next;

        pango_layout_iter_get_line_extents (iter, NULL, &next);
        self->y += (double) next.y / PANGO_SCALE - top;
        top = (double) next.y / PANGO_SCALE;
      }
      line++;
    }
  while (TRUE);
  pango_layout_iter_free (iter);
}

static void
add_marker (RedressPages *self,
            const char   *text,
            const char   *font,
            double        x,
            guint         page,
            double        baseline)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  Page *p = g_ptr_array_index (self->pages, page);
  Item item = { 0 };

  item.layout = make_layout (self, font, LIST_INDENT, escaped);
  item.line = 0;
  item.x = x;
  item.y = baseline;
  g_array_append_val (p->items, item);
}

#define BODY_FONT "DejaVu Serif 10.5"
#define SANS_FONT "DejaVu Sans"

/* A word so long (a SHA-256, a URL) that justifying its lines would spread
 * their letters apart ("S H A - 2 5 6"). */
static gboolean
has_long_word (const char *markup)
{
  g_autofree char *plain = redress_markup_to_plain (markup);
  guint run = 0;

  for (const char *p = plain; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_isspace (g_utf8_get_char (p)))
        run = 0;
      else if (++run > 24)
        return TRUE;
    }
  return FALSE;
}

static void
layout_block (RedressPages       *self,
              const RedressBlock *block)
{
  g_autofree char *markup = to_pango_markup (self, block->text);
  g_autoptr(PangoLayout) layout = NULL;
  const char *font = BODY_FONT;
  double before = 0, after = 6, x = MARGIN_LEFT, width = CONTENT_WIDTH;
  PangoAlignment align = PANGO_ALIGN_LEFT;
  gboolean justify = FALSE;
  guint first_page = 0;
  double first_y = 0;

  switch (block->kind)
    {
    case REDRESS_BLOCK_TITLE:
      font = SANS_FONT " Bold 16";
      align = PANGO_ALIGN_CENTER;
      before = 12;
      after = 8;
      break;
    case REDRESS_BLOCK_SUBTITLE:
      font = SANS_FONT " Oblique 10.5";
      align = PANGO_ALIGN_CENTER;
      after = 18;
      break;
    case REDRESS_BLOCK_ADDRESS:
      after = 12;
      break;
    case REDRESS_BLOCK_REFERENCE:
      font = SANS_FONT " 9";
      align = PANGO_ALIGN_RIGHT;
      after = 3;
      break;
    case REDRESS_BLOCK_HEADING:
      font = SANS_FONT " Bold 12";
      before = 14;
      after = 6;
      break;
    case REDRESS_BLOCK_SUBHEADING:
      font = SANS_FONT " Bold 10.5";
      before = 8;
      after = 4;
      break;
    case REDRESS_BLOCK_PARAGRAPH:
      justify = TRUE;
      break;
    case REDRESS_BLOCK_BULLET:
    case REDRESS_BLOCK_NUMBERED:
      justify = TRUE;
      x += LIST_INDENT;
      width -= LIST_INDENT;
      after = 4;
      break;
    case REDRESS_BLOCK_LINES:
      before = 6;
      break;
    default:
      break;
    }

  if (justify && has_long_word (block->text))
    justify = FALSE;
  layout = make_layout (self, font, width, markup);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_justify (layout, justify);
  if (block->kind == REDRESS_BLOCK_PARAGRAPH || block->kind == REDRESS_BLOCK_BULLET ||
      block->kind == REDRESS_BLOCK_NUMBERED)
    pango_layout_set_line_spacing (layout, 1.15f);

  if (self->first_pages->len == self->break_before && self->y > MARGIN_TOP + 0.5)
    new_page (self);
  if (self->y > MARGIN_TOP + 0.5)
    self->y += before;
  /* A heading keeps with at least two lines of what follows. */
  if (block->kind == REDRESS_BLOCK_HEADING || block->kind == REDRESS_BLOCK_SUBHEADING)
    {
      PangoRectangle logical;

      pango_layout_get_extents (layout, NULL, &logical);
      if (self->y + (double) logical.height / PANGO_SCALE + 2 * 15 > BOTTOM)
        new_page (self);
      {
        Heading *h = g_new0 (Heading, 1);

        h->text = redress_markup_to_plain (block->text);
        h->y = self->y;
        if (block->kind == REDRESS_BLOCK_HEADING)
          g_ptr_array_add (current_page (self)->outline, h);
        else
          heading_free (h);
      }
    }
  place_lines (self, layout, x, &first_page, &first_y);
  g_array_append_val (self->first_pages, first_page);
  /* The marker goes beside the first line, wherever it landed. */
  if (block->kind == REDRESS_BLOCK_BULLET || block->kind == REDRESS_BLOCK_NUMBERED)
    {
      g_autofree char *number = g_strdup_printf ("%d.", block->number);

      add_marker (self, block->kind == REDRESS_BLOCK_BULLET ? "•" : number, BODY_FONT,
                  MARGIN_LEFT + 4, first_page, first_y);
    }
  self->y += after;
}

static void
lay_out (RedressPages *self)
{
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->first_pages, g_array_unref);
  self->pages = g_ptr_array_new_with_free_func (page_free);
  self->first_pages = g_array_new (FALSE, TRUE, sizeof (guint));
  new_page (self);

  for (guint i = 0; i < redress_document_get_n_blocks (self->doc); i++)
    layout_block (self, redress_document_get_block (self->doc, i));
}

RedressPages *
redress_pages_new (RedressDocument *doc)
{
  RedressPages *self = g_new0 (RedressPages, 1);
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  cairo_font_options_t *options = cairo_font_options_create ();

  self->doc = redress_document_ref (doc);
  self->context = pango_font_map_create_context (map);
  pango_cairo_context_set_resolution (self->context, 72.0);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  pango_context_set_language (self->context, pango_language_from_string (redress_document_get_language (doc)));
  self->break_before = G_MAXUINT;
  lay_out (self);

  /* No page holds only the signature: when it starts the last page, the
   * paragraph before it (with its heading) goes over with it. */
  {
    guint n = redress_document_get_n_blocks (doc);
    guint last = self->pages->len - 1;
    guint k = 0;

    gboolean only_signature = TRUE;

    while (k < n && g_array_index (self->first_pages, guint, k) < last)
      k++;
    for (guint i = k; i < n; i++)
      {
        RedressBlockKind kind = redress_document_get_block (doc, i)->kind;

        only_signature &= kind == REDRESS_BLOCK_LINES || kind == REDRESS_BLOCK_HEADING ||
                          kind == REDRESS_BLOCK_SUBHEADING;
      }
    if (k > 0 && k < n && last > 0 && only_signature)
      {
        guint target = k - 1;

        while (target > 0 &&
               (redress_document_get_block (doc, target)->kind == REDRESS_BLOCK_HEADING ||
                redress_document_get_block (doc, target)->kind == REDRESS_BLOCK_SUBHEADING))
          target--;
        if (g_array_index (self->first_pages, guint, target) == last - 1)
          {
            self->break_before = target;
            lay_out (self);
          }
      }
  }
  return self;
}

void
redress_pages_free (RedressPages *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->pages);
  g_clear_pointer (&self->first_pages, g_array_unref);
  g_object_unref (self->context);
  redress_document_unref (self->doc);
  g_free (self);
}

guint
redress_pages_get_n_pages (RedressPages *self)
{
  return self->pages->len;
}

static void
draw_text (RedressPages   *self,
           cairo_t        *cr,
           const char     *font,
           const char     *text,
           double          x,
           double          y,
           PangoAlignment  align)
{
  g_autofree char *typo = redress_typography_apply (redress_document_get_language (self->doc), text);
  g_autofree char *escaped = g_markup_escape_text (typo, -1);
  g_autoptr(PangoLayout) layout = make_layout (self, font, CONTENT_WIDTH, escaped);

  pango_layout_set_alignment (layout, align);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/**
 * redress_pages_draw:
 * @cr: a cairo context whose user space is the page in points
 * @page: 0-based
 *
 * Draws one page: the banner and reference at the top, the text, and the page
 * number at the bottom.
 */
void
redress_pages_draw (RedressPages *self,
                    cairo_t      *cr,
                    guint         page)
{
  Page *p;
  g_autofree char *number = NULL;

  g_return_if_fail (page < self->pages->len);
  p = g_ptr_array_index (self->pages, page);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  /* Header and footer. */
  draw_text (self, cr, SANS_FONT " Bold 8", redress_document_get_banner (self->doc), MARGIN_LEFT, 36,
             PANGO_ALIGN_LEFT);
  draw_text (self, cr, SANS_FONT " 8", redress_document_get_reference (self->doc), MARGIN_LEFT, 36,
             PANGO_ALIGN_RIGHT);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN_LEFT, 50);
  cairo_line_to (cr, REDRESS_PAGE_WIDTH - MARGIN_RIGHT, 50);
  cairo_stroke (cr);
  number = redress_document_format_page (self->doc, page + 1, self->pages->len);
  draw_text (self, cr, SANS_FONT " 8", number, MARGIN_LEFT, REDRESS_PAGE_HEIGHT - 48, PANGO_ALIGN_CENTER);

  for (guint i = 0; i < p->items->len; i++)
    {
      const Item *item = &g_array_index (p->items, Item, i);
      PangoLayoutLine *line = pango_layout_get_line_readonly (item->layout, item->line);

      cairo_move_to (cr, item->x, item->y);
      pango_cairo_show_layout_line (cr, line);
    }
  cairo_restore (cr);
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * redress_pages_write_pdf:
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set.
 */
GBytes *
redress_pages_write_pdf (RedressPages  *self,
                         GError       **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  g_autofree char *created = NULL;
  const char *date = redress_document_get_date (self->doc);

  surface = cairo_pdf_surface_create_for_stream (write_cb, bytes, REDRESS_PAGE_WIDTH, REDRESS_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, redress_document_get_title (self->doc));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, redress_document_get_subject (self->doc));
  /* The author is the case, never the computer's user name. */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, redress_document_get_author (self->doc));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, redress_document_get_reference (self->doc));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Redress");
  if (date != NULL && *date != '\0')
    {
      created = g_strdup_printf ("%sT00:00:00Z", date);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, created);
    }
  cr = cairo_create (surface);
  for (guint i = 0; i < self->pages->len; i++)
    {
      Page *page = g_ptr_array_index (self->pages, i);

      redress_pages_draw (self, cr, i);
      for (guint k = 0; k < page->outline->len; k++)
        {
          Heading *h = g_ptr_array_index (page->outline, k);
          g_autofree char *link = g_strdup_printf ("page=%u pos=[%g %g]", i + 1, MARGIN_LEFT, h->y);

          cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, h->text, link, 0);
        }
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the PDF: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

GBytes *
redress_document_write_pdf (RedressDocument  *doc,
                            GError          **error)
{
  g_autoptr(RedressPages) pages = redress_pages_new (doc);

  return redress_pages_write_pdf (pages, error);
}

/* The page (0-based) the first line of block @index is on, for tests of
 * where page breaks fall. */
guint
redress_pages_get_block_page (RedressPages *self,
                              guint         index)
{
  g_return_val_if_fail (index < self->first_pages->len, 0);

  return g_array_index (self->first_pages, guint, index);
}
