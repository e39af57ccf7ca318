// What the journey report reads from the modules below it, in the shape the report needs. The module wires it to
// the homework and coding modules' exported query services; tests and the bench can hand in their own.

/** A respondent's sent homework. */
export interface JourneyHomework {
  respondentId: number;
  answers: Readonly<Record<string, unknown>>;
}

/** A final coded segment, its codes by Tekst-ID. */
export interface JourneyCoding {
  respondentId: number;
  question: string;
  start: number;
  end: number;
  /** The masked text of a shareable segment (a quote a partner may read); null for the others, which are only counted. */
  text: string | null;
  tekstIds: string[];
  shareable: boolean;
}

export interface JourneySources {
  submittedHomework(studyId: number): Promise<JourneyHomework[]>;
  finalCodings(studyId: number): Promise<JourneyCoding[]>;
}

export const JOURNEY_SOURCES = Symbol('JOURNEY_SOURCES');
