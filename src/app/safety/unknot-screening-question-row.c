/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "unknot-screening.h"
#include "unknot-screening-question-row.h"

struct _UnknotScreeningQuestionRow
{
  GtkListBoxRow   parent_instance;
  guint           index;
  UnknotAnswer    answer;

  GtkLabel       *question_label;
  GtkCheckButton *yes_button;
  GtkCheckButton *no_button;
  GtkRevealer    *explanation_revealer;
  GtkLabel       *explanation_label;
};

G_DEFINE_FINAL_TYPE (UnknotScreeningQuestionRow, unknot_screening_question_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_ANSWER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_answer (UnknotScreeningQuestionRow *self)
{
  gboolean yes = self->answer == UNKNOT_ANSWER_YES;

  /* Grouped check buttons can all be off: a question not answered yet. */
  gtk_check_button_set_active (self->yes_button, yes);
  gtk_check_button_set_active (self->no_button, self->answer == UNKNOT_ANSWER_NO);
  gtk_revealer_set_reveal_child (self->explanation_revealer, yes);
}

static void
answer_toggled_cb (UnknotScreeningQuestionRow *self)
{
  UnknotAnswer answer = gtk_check_button_get_active (self->yes_button) ? UNKNOT_ANSWER_YES
                        : gtk_check_button_get_active (self->no_button) ? UNKNOT_ANSWER_NO
                        : UNKNOT_ANSWER_NONE;

  /* Switching from one to the other toggles both; the second toggle settles it. */
  if (answer == UNKNOT_ANSWER_NONE && self->answer != UNKNOT_ANSWER_NONE)
    return;
  unknot_screening_question_row_set_answer (self, answer);
}

static void
unknot_screening_question_row_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  UnknotScreeningQuestionRow *self = UNKNOT_SCREENING_QUESTION_ROW (object);

  switch (prop_id)
    {
    case PROP_ANSWER:
      g_value_set_int (value, (int) self->answer);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_screening_question_row_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  UnknotScreeningQuestionRow *self = UNKNOT_SCREENING_QUESTION_ROW (object);

  switch (prop_id)
    {
    case PROP_ANSWER:
      unknot_screening_question_row_set_answer (self, (UnknotAnswer) g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
unknot_screening_question_row_class_init (UnknotScreeningQuestionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = unknot_screening_question_row_get_property;
  object_class->set_property = unknot_screening_question_row_set_property;

  properties[PROP_ANSWER] =
    g_param_spec_int ("answer", NULL, NULL, UNKNOT_ANSWER_NONE, UNKNOT_ANSWER_YES, UNKNOT_ANSWER_NONE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/unknot-screening-question-row.ui");
  gtk_widget_class_bind_template_child (widget_class, UnknotScreeningQuestionRow, question_label);
  gtk_widget_class_bind_template_child (widget_class, UnknotScreeningQuestionRow, yes_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotScreeningQuestionRow, no_button);
  gtk_widget_class_bind_template_child (widget_class, UnknotScreeningQuestionRow, explanation_revealer);
  gtk_widget_class_bind_template_child (widget_class, UnknotScreeningQuestionRow, explanation_label);
  gtk_widget_class_bind_template_callback (widget_class, answer_toggled_cb);
}

static void
unknot_screening_question_row_init (UnknotScreeningQuestionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
unknot_screening_question_row_new (guint index)
{
  UnknotScreeningQuestionRow *self;

  g_return_val_if_fail (index < unknot_screening_get_n_questions (), NULL);

  self = g_object_new (UNKNOT_TYPE_SCREENING_QUESTION_ROW, NULL);
  self->index = index;
  gtk_label_set_text (self->question_label, unknot_screening_question_get_text (index));
  gtk_label_set_text (self->explanation_label, unknot_screening_question_get_explanation (index));
  return GTK_WIDGET (self);
}

guint
unknot_screening_question_row_get_index (UnknotScreeningQuestionRow *self)
{
  g_return_val_if_fail (UNKNOT_IS_SCREENING_QUESTION_ROW (self), 0);
  return self->index;
}

UnknotAnswer
unknot_screening_question_row_get_answer (UnknotScreeningQuestionRow *self)
{
  g_return_val_if_fail (UNKNOT_IS_SCREENING_QUESTION_ROW (self), UNKNOT_ANSWER_NONE);
  return self->answer;
}

void
unknot_screening_question_row_set_answer (UnknotScreeningQuestionRow *self,
                                      UnknotAnswer             answer)
{
  g_return_if_fail (UNKNOT_IS_SCREENING_QUESTION_ROW (self));

  if (self->answer == answer)
    return;
  self->answer = answer;
  show_answer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWER]);
}

GtkCheckButton *
unknot_screening_question_row_get_button (UnknotScreeningQuestionRow *self,
                                      UnknotAnswer             answer)
{
  g_return_val_if_fail (UNKNOT_IS_SCREENING_QUESTION_ROW (self), NULL);
  return answer == UNKNOT_ANSWER_YES ? self->yes_button : answer == UNKNOT_ANSWER_NO ? self->no_button : NULL;
}

GtkLabel *
unknot_screening_question_row_get_explanation (UnknotScreeningQuestionRow *self)
{
  g_return_val_if_fail (UNKNOT_IS_SCREENING_QUESTION_ROW (self), NULL);
  return self->explanation_label;
}
