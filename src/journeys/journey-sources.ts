// What the journey report reads from the modules below it, in the shape the report needs. The module wires it to
// the homework and coding modules' exported query services; tests and the bench can hand in their own.

/** A respondent's sent homework without its free text: the answers to every other question, and which free-text ones were answered. */
export interface JourneyHomework {
  respondentId: number;
  choices: Readonly<Record<string, unknown>>;
  answered: readonly string[];
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
  /**
   * The study's sent homework and final codings, read together: the coding module needs to know which answers
   * there are too, and at 10,000 respondents even their outlines are worth reading once.
   */
  read(studyId: number): Promise<{ homework: JourneyHomework[]; codings: JourneyCoding[] }>;
}

export const JOURNEY_SOURCES = Symbol('JOURNEY_SOURCES');
