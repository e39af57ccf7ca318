import { AppError } from '../common/app-error';
import type { Locale } from '../common/domain';
import { getTranslations } from '../common/view-engine';
import type { StudyStatus } from './study.entity';

/**
 * The public screener (page and submission) is there only while a study recruits. A draft or closed study answers
 * exactly as a study that does not exist, so its title and partners are not shown and nobody can tell them apart.
 */
export function screenerIsOpen(status: StudyStatus): boolean {
  return status === 'recruiting' || status === 'fieldwork';
}

export function screenerNotOpen(locale: Locale): AppError {
  return new AppError('not_found', 'screener.not_open', getTranslations().t(locale, 'error.screener.not_open')).saidIn(
    locale,
  );
}
