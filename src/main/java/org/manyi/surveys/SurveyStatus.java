package org.manyi.surveys;

/** A survey's life: responses and invitations are accepted only while ACTIVE. */
public enum SurveyStatus {
  /** Being written; can be changed freely. */
  DRAFT,
  /** Open for responses. */
  ACTIVE,
  /** No longer accepts responses; results stay. */
  CLOSED
}
