// The respondents of Bijlage 5 of the research report, for tests. The appendix lists 44 of the 47
// respondents (Gemeente Utrecht's three gemakzoekers are missing there); "lagere school" is basisonderwijs.
import type { OverviewInput } from '../anonymise';

export const BIJLAGE_5_ORGANISATIONS = ['Belastingdienst', 'RET', 'Vitens', 'Gemeente Utrecht'];

const TABLE = `
RET|v|65-70|mbo|comfortabel|gemakzoeker
RET|v|41|havo-vwo|neutraal|gemakzoeker
RET|v|72|hbo|neutraal|zekerheidszoeker
RET|m|65|havo-vwo|comfortabel|zekerheidszoeker
RET|m|35|basisonderwijs|neutraal|zekerheidszoeker
RET|m|45-54|mbo|zeer-comfortabel|informatiezoeker
RET|m|70|mbo|neutraal|informatiezoeker
RET|m|45-54|wo|zeer-comfortabel|informatiezoeker
RET|v|45-54|havo-vwo|zeer-comfortabel|informatiezoeker
RET|v|28|wo|zeer-comfortabel|rust-in-je-hoofdzoeker
RET|m|35-44|hbo|zeer-comfortabel|rust-in-je-hoofdzoeker
RET|m|65|mbo|zeer-comfortabel|rust-in-je-hoofdzoeker
Vitens|m|47|mbo|zeer-comfortabel|informatiezoeker
Vitens|m|29|hbo|zeer-comfortabel|informatiezoeker
Vitens|v|44|hbo|zeer-comfortabel|informatiezoeker
Vitens|m|25|hbo|zeer-comfortabel|zekerheidszoeker
Vitens|v|59|vmbo-mavo-lbo|zeer-comfortabel|zekerheidszoeker
Vitens|m|33|hbo|zeer-comfortabel|zekerheidszoeker
Vitens|v|38|vmbo-mavo-lbo|neutraal|rust-in-je-hoofdzoeker
Vitens|m|30|havo-vwo|comfortabel|rust-in-je-hoofdzoeker
Vitens|v|28|hbo|zeer-comfortabel|rust-in-je-hoofdzoeker
Vitens|v|28|havo-vwo|zeer-comfortabel|gemakzoeker
Vitens|m|38|wo|zeer-comfortabel|gemakzoeker
Vitens|v|46|vmbo-mavo-lbo|comfortabel|gemakzoeker
Belastingdienst|m|50|havo-vwo|zeer-comfortabel|informatiezoeker
Belastingdienst|m|58|mbo|comfortabel|informatiezoeker
Belastingdienst|m|51|havo-vwo|zeer-comfortabel|informatiezoeker
Belastingdienst|m|28|hbo|comfortabel|rust-in-je-hoofdzoeker
Belastingdienst|v|33|wo|zeer-comfortabel|rust-in-je-hoofdzoeker
Belastingdienst|v|32|hbo|neutraal|rust-in-je-hoofdzoeker
Belastingdienst|m|37|wo|comfortabel|zekerheidszoeker
Belastingdienst|v|48|mbo|comfortabel|zekerheidszoeker
Belastingdienst|v|28|mbo|neutraal|zekerheidszoeker
Belastingdienst|v|40|hbo|comfortabel|gemakzoeker
Belastingdienst|v|81|hbo|neutraal|gemakzoeker
Gemeente Utrecht|v|67|wo|comfortabel|zekerheidszoeker
Gemeente Utrecht|m|35|wo|zeer-comfortabel|zekerheidszoeker
Gemeente Utrecht|v|23|hbo|comfortabel|zekerheidszoeker
Gemeente Utrecht|v|48|wo|zeer-comfortabel|informatiezoeker
Gemeente Utrecht|v|55|mbo|zeer-comfortabel|informatiezoeker
Gemeente Utrecht|m|41|wo|comfortabel|informatiezoeker
Gemeente Utrecht|v|56|wo|neutraal|rust-in-je-hoofdzoeker
Gemeente Utrecht|v|42|wo|comfortabel|rust-in-je-hoofdzoeker
Gemeente Utrecht|v|67|mbo|comfortabel|rust-in-je-hoofdzoeker`;

export function bijlage5Respondents(): OverviewInput[] {
  return TABLE.trim()
    .split('\n')
    .map((line) => {
      const [organisation, gender, age, education, digitalComfort, quadrant] = line.split('|');
      const [ageMin, ageMax = ageMin] = age.split('-').map(Number);
      return { organisation, gender, age, ageMin, ageMax, education, digitalComfort, quadrant } as OverviewInput;
    });
}
