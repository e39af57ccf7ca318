// The REFI-QDA project as the platform exchanges it: a small, framework-free model of the parts of the
// standard it writes and reads (text sources only). The coding module maps its codebook, respondents and
// codings onto these types; GUIDs here are always in normalised form (see guid.ts), colours "#RRGGBB".

export interface RefiUser {
  guid: string;
  name: string;
}

export interface RefiCode {
  guid: string;
  name: string;
  /** "#RRGGBB". */
  color?: string;
  description?: string;
  /** False for a code that only groups others (a level-1 or level-2 category of the codebook). */
  isCodable: boolean;
  children: RefiCode[];
}

export type RefiVariableType = 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date' | 'DateTime';

export interface RefiVariable {
  guid: string;
  name: string;
  type: RefiVariableType;
  description?: string;
}

export interface RefiVariableValue {
  variableGuid: string;
  /** Written as the element that fits the variable's type (TextValue, IntegerValue, …). */
  value: string;
}

/** One respondent: a pseudonym ("R01") with variable values and the sources that are theirs. */
export interface RefiCase {
  guid: string;
  name: string;
  values: RefiVariableValue[];
  sourceGuids: string[];
}

export interface RefiCoding {
  guid: string;
  codeGuid: string;
  creatingUser?: string;
  creationDateTime?: Date;
}

/** A span of a text source, in the standard's positions: Unicode code points, start inclusive, end exclusive. */
export interface RefiSelection {
  guid: string;
  name?: string;
  startPosition: number;
  endPosition: number;
  creatingUser?: string;
  creationDateTime?: Date;
  description?: string;
  codings: RefiCoding[];
}

export interface RefiTextSource {
  guid: string;
  name: string;
  /** The plain text, UTF-8 in the archive as Sources/<guid>.txt. */
  text: string;
  creatingUser?: string;
  creationDateTime?: Date;
  description?: string;
  selections: RefiSelection[];
}

export interface RefiProject {
  name: string;
  /** The software that wrote the project, e.g. "kwadrant 0.1.0". */
  origin: string;
  creationDateTime: Date;
  creatingUser?: string;
  description?: string;
  users: RefiUser[];
  codes: RefiCode[];
  variables: RefiVariable[];
  cases: RefiCase[];
  sources: RefiTextSource[];
}
