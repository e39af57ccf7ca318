// The names respondents have wherever their homework is coded or leaves the platform: R01, R02, … in ascending
// respondent id among the study's respondents with a submitted homework. Pure: no framework imports.

/** Respondent id → pseudonym. Two digits, more when the study has more than 99 such respondents. */
export function pseudonyms(respondentIds: Iterable<number>): Map<number, string> {
  const ids = [...new Set(respondentIds)].sort((a, b) => a - b);
  const width = Math.max(2, String(ids.length).length);
  return new Map(ids.map((id, index) => [id, `R${String(index + 1).padStart(width, '0')}`]));
}
