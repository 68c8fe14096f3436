/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-screening.h"
#include "unknot-screening-form.h"

struct _UnknotScreeningForm
{
  GtkBox      parent_instance;
  GSettings  *settings;  /* NULL: answers are not kept */
  GPtrArray  *questions; /* UnknotScreeningQuestionRow, in question order */
  gboolean    loading;

  GtkWidget  *heading;
  GtkListBox *questions_list;
  GtkLabel   *summary_label;
};

G_DEFINE_FINAL_TYPE (UnknotScreeningForm, unknot_screening_form, GTK_TYPE_BOX)

static UnknotAnswer
answer_at (UnknotScreeningForm *self,
           guint                i)
{
  return unknot_screening_question_row_get_answer (g_ptr_array_index (self->questions, i));
}

static void
update_summary (UnknotScreeningForm *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) yes = NULL;
  g_autofree char *summary = NULL;
  guint n_answered = 0;

  for (guint i = 0; i < self->questions->len; i++)
    {
      if (answer_at (self, i) != UNKNOT_ANSWER_NONE)
        n_answered++;
      if (answer_at (self, i) == UNKNOT_ANSWER_YES)
        g_strv_builder_add (builder, unknot_screening_question_get_id (i));
    }
  yes = g_strv_builder_end (builder);
  summary = unknot_screening_dup_summary ((const char * const *) yes, n_answered);
  gtk_label_set_text (self->summary_label, summary);
}

/* Every change is kept at once, so the routines' notes follow the answers
 * while the check is still open, and nothing is lost if it never closes. */
static void
save_answers (UnknotScreeningForm *self)
{
  g_autoptr(GVariantBuilder) builder = g_variant_builder_new (G_VARIANT_TYPE ("a{sb}"));
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  guint n_answered = 0;

  if (self->settings == NULL)
    return;
  for (guint i = 0; i < self->questions->len; i++)
    {
      if (answer_at (self, i) == UNKNOT_ANSWER_NONE)
        continue;
      g_variant_builder_add (builder, "{sb}", unknot_screening_question_get_id (i), answer_at (self, i) == UNKNOT_ANSWER_YES);
      n_answered++;
    }
  if (n_answered == 0)
    return;
  g_settings_set_int64 (self->settings, "screening-answered-at", g_date_time_to_unix (now));
  g_settings_set_string (self->settings, "screening-status", "answered");
  /* Last, so whoever watches the answers finds the rest already set. */
  g_settings_set_value (self->settings, "screening-answers", g_variant_builder_end (builder));
}

static void
answer_changed_cb (UnknotScreeningForm *self)
{
  if (self->questions == NULL)
    return; /* being disposed */
  update_summary (self);
  if (!self->loading)
    save_answers (self);
}

void
unknot_screening_form_set_settings (UnknotScreeningForm *self,
                                    GSettings           *settings)
{
  g_autoptr(GVariant) answers = NULL;

  g_return_if_fail (UNKNOT_IS_SCREENING_FORM (self));

  if (!g_set_object (&self->settings, settings) || settings == NULL)
    return;
  answers = g_settings_get_value (settings, "screening-answers");
  self->loading = TRUE;
  for (guint i = 0; i < self->questions->len; i++)
    {
      gboolean yes;

      if (g_variant_lookup (answers, unknot_screening_question_get_id (i), "b", &yes))
        unknot_screening_question_row_set_answer (g_ptr_array_index (self->questions, i),
                                                  yes ? UNKNOT_ANSWER_YES : UNKNOT_ANSWER_NO);
    }
  self->loading = FALSE;
  update_summary (self);
}

GtkWidget *
unknot_screening_form_get_heading (UnknotScreeningForm *self)
{
  g_return_val_if_fail (UNKNOT_IS_SCREENING_FORM (self), NULL);
  return self->heading;
}

UnknotScreeningQuestionRow *
unknot_screening_form_get_question (UnknotScreeningForm *self,
                                    const char          *id)
{
  int index = unknot_screening_lookup (id);

  g_return_val_if_fail (UNKNOT_IS_SCREENING_FORM (self), NULL);
  return index >= 0 ? g_ptr_array_index (self->questions, index) : NULL;
}

const char *
unknot_screening_form_get_summary (UnknotScreeningForm *self)
{
  g_return_val_if_fail (UNKNOT_IS_SCREENING_FORM (self), NULL);
  return gtk_label_get_text (self->summary_label);
}

static void
unknot_screening_form_dispose (GObject *object)
{
  UnknotScreeningForm *self = UNKNOT_SCREENING_FORM (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), UNKNOT_TYPE_SCREENING_FORM);
  G_OBJECT_CLASS (unknot_screening_form_parent_class)->dispose (object);
}

static void
unknot_screening_form_class_init (UnknotScreeningFormClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = unknot_screening_form_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/unknot-screening-form.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotScreeningForm, heading);
  gtk_widget_class_bind_template_child (widget_class, UnknotScreeningForm, questions_list);
  gtk_widget_class_bind_template_child (widget_class, UnknotScreeningForm, summary_label);
}

static void
unknot_screening_form_init (UnknotScreeningForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->questions = g_ptr_array_new ();
  for (guint i = 0; i < unknot_screening_get_n_questions (); i++)
    {
      GtkWidget *question = unknot_screening_question_row_new (i);

      g_signal_connect_object (question, "notify::answer", G_CALLBACK (answer_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_list_box_append (self->questions_list, question);
      g_ptr_array_add (self->questions, question);
    }
  update_summary (self);
}
