// The homework form as data for the server: the SurveyJS JSON per organisation (built once), and a flat,
// localised list of its questions for the print version, the PDF and the preparation view. Pure.
import type { Locale } from '../common/domain';
import { buildHomeworkDefinition, HOMEWORK_RATINGS } from '../surveys/homework-definition';
import { translators } from '../common/view-engine';
import { DraftShapes, draftShapes } from './draft-check';

export interface HomeworkForm {
  definition: object;
  shapes: DraftShapes;
}

const forms = new Map<string, HomeworkForm>();

/** Built once per organisation: the JSON is deterministic, and autosave needs its shapes on every call. */
export function homeworkForm(organisation: string): HomeworkForm {
  let form = forms.get(organisation);
  if (!form) {
    const definition = buildHomeworkDefinition({ organisation }, translators());
    form = { definition, shapes: draftShapes(definition) };
    forms.set(organisation, form);
  }
  return form;
}

type Text = string | { default: string; en?: string } | undefined;

export interface FormChoice {
  value: string;
  text: string;
  /** For the three-face rating: which face to draw (pages show an image, the PDF draws it), beside the word. */
  face?: string;
}

export interface FormQuestion {
  name: string;
  type: string;
  title: string;
  description: string;
  choices: FormChoice[];
  isRating: boolean;
  /** The condition in words, for paper ("only if you answered yes"). */
  conditional: boolean;
}

export interface FormPage {
  name: string;
  title: string;
  description: string;
  intro: string;
  questions: FormQuestion[];
}

export function localText(text: Text, locale: Locale): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return locale === 'en' ? (text.en ?? text.default) : text.default;
}

/** HTML intro blocks become plain paragraphs (print and PDF show text, not markup). */
export function plainText(html: string): string {
  return html
    .replace(/<\/(p|h\d|li)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, '&')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

const RATING_VALUES = new Set<string>(HOMEWORK_RATINGS);
const FACE_EMOJI = /^(?:🙂|😐|🙁)\s*/u;

export function formPages(definition: object, locale: Locale): FormPage[] {
  const pages = (definition as { pages: Record<string, unknown>[] }).pages;
  return pages.map((p) => {
    const elements = (p.elements as Record<string, unknown>[]) ?? [];
    return {
      name: String(p.name),
      title: localText(p.title as Text, locale),
      description: localText(p.description as Text, locale),
      intro: elements
        .filter((e) => e.type === 'html')
        .map((e) => plainText(localText(e.html as Text, locale)))
        .join('\n'),
      questions: elements
        .filter((e) => e.type !== 'html')
        .map((e) => {
          const listed: FormChoice[] = ((e.choices as { value: string; text: Text }[]) ?? []).map((c) => ({
            value: c.value,
            text: localText(c.text, locale),
          }));
          const isRating = listed.length > 0 && listed.every((c) => RATING_VALUES.has(c.value));
          // The form's emoji are not in every font (nor in the PDF's): outside the form the faces are drawn.
          const choices = isRating
            ? listed.map((c) => ({ value: c.value, text: c.text.replace(FACE_EMOJI, ''), face: c.value }))
            : listed;
          return {
            name: String(e.name),
            type: String(e.type),
            title: localText(e.title as Text, locale),
            description: localText(e.description as Text, locale),
            choices,
            isRating,
            conditional: typeof e.visibleIf === 'string',
          };
        }),
    };
  });
}

/** An answer as a person reads it: choice texts instead of values, lists joined. */
export function answerText(question: FormQuestion, value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  const label = (v: unknown) => question.choices.find((c) => c.value === v)?.text ?? valueText(v);
  if (Array.isArray(value)) return value.map(label).join(', ');
  return question.choices.length ? label(value) : valueText(value);
}

/** A value as text; a structured answer (a matrix row, say) as its JSON rather than "[object Object]". */
function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? '';
}
