import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsDateString,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { LOCALES } from '../../common/domain';
import { STUDY_STATUSES, StudyStatus } from '../study.entity';
import type { Locale } from '../../common/domain';
import { SLOT_MODES, SlotMode } from '../study-rules';

const NEW_STUDY_STATUSES = STUDY_STATUSES.filter((s) => s !== 'closed');

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/;

/**
 * A field that may be left out (the default on creation, unchanged on an update), but not sent as null: every
 * setting of a study is a NOT NULL column, so null is refused like any other bad value instead of failing in the
 * database.
 */
const LeftOutOrValid = () => ValidateIf((_, value) => value !== undefined);

export class StudySettingsFields {
  @ApiPropertyOptional({ default: 3 })
  @LeftOutOrValid()
  @Type(() => Number)
  @IsInt()
  @Min(2)
  @Max(4)
  groupTargetSize?: number;
  @ApiPropertyOptional({ default: 2 })
  @LeftOutOrValid()
  @Type(() => Number)
  @IsInt()
  @Min(2)
  @Max(4)
  groupMinSize?: number;
  @ApiPropertyOptional({ default: 4 })
  @LeftOutOrValid()
  @Type(() => Number)
  @IsInt()
  @Min(2)
  @Max(4)
  groupMaxSize?: number;
  @ApiPropertyOptional({ default: 1 })
  @LeftOutOrValid()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10)
  groupsPerQuadrant?: number;
  @ApiPropertyOptional({ default: 1 })
  @LeftOutOrValid()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(5)
  reservesPerGroup?: number;
  @ApiPropertyOptional({ default: 7 })
  @LeftOutOrValid()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(60)
  homeworkLeadDays?: number;
  @ApiPropertyOptional({ default: 120 })
  @LeftOutOrValid()
  @Type(() => Number)
  @IsInt()
  @Min(15)
  @Max(480)
  sessionMinutes?: number;
  @ApiPropertyOptional({
    default: 5,
    description: 'k: partners see journey counts from 1 to k − 1 as hidden (a whole number from 2 to 50)',
  })
  @LeftOutOrValid()
  @Type(() => Number)
  @IsInt()
  @Min(2)
  @Max(50)
  partnerMinCount?: number;
}

export class CreateStudyDto extends StudySettingsFields {
  @ApiProperty({ example: 'wp2a' })
  @Matches(SLUG_PATTERN, {
    message: 'must be 1-60 lowercase letters, digits or hyphens, not starting or ending with a hyphen',
  })
  slug: string;

  @ApiProperty() @IsString() @MinLength(3) @MaxLength(300) title: string;
  @ApiPropertyOptional() @LeftOutOrValid() @IsString() @MaxLength(5000) description?: string;
  @ApiPropertyOptional({ enum: LOCALES })
  @LeftOutOrValid()
  @IsIn(LOCALES, { message: 'must be nl or en' })
  locale?: Locale;
  // A study is closed on its settings, never born closed: closing is what mail and homework must hear of.
  @ApiPropertyOptional({ enum: NEW_STUDY_STATUSES })
  @LeftOutOrValid()
  @IsIn(NEW_STUDY_STATUSES, { message: `must be one of ${NEW_STUDY_STATUSES.join(', ')}` })
  status?: StudyStatus;
  @ApiPropertyOptional() @LeftOutOrValid() @IsString() @MaxLength(500) returnAddress?: string;
  @ApiPropertyOptional() @LeftOutOrValid() @IsString() @MaxLength(40) helpPhone?: string;
  // Who stands behind the study; a form sends an empty field as "", which clears it.
  @ApiPropertyOptional({ example: 'Lectoraat Klantgericht Organiseren, Hogeschool Utrecht' })
  @LeftOutOrValid()
  @IsString()
  @MaxLength(200)
  researchOrganisation?: string;
  @ApiPropertyOptional({ example: 'https://www.hu.nl/privacyverklaring-onderzoek' })
  @LeftOutOrValid()
  @ValidateIf((o: { privacyUrl?: string }) => o.privacyUrl !== '')
  @IsUrl(
    { protocols: ['https', 'http'], require_protocol: true },
    { message: 'must be a web address starting with https://' },
  )
  @MaxLength(500)
  privacyUrl?: string;
  @ApiPropertyOptional({ example: 'klantreis@hu.nl' })
  @LeftOutOrValid()
  @ValidateIf((o: { helpEmail?: string }) => o.helpEmail !== '')
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  helpEmail?: string;
}

/** The logo as the settings page sends it: the chosen file read as a data URL (PNG or JPEG, checked on the server). */
export class StudyLogoDto {
  @ApiProperty({ example: 'data:image/png;base64,iVBORw0KGgo…' }) @IsString() @MaxLength(200_000) logo: string;
}

// Left-out fields are unchanged; null is validated (and refused) for every field that is not optional on creation.
export class UpdateStudyDto extends PartialType(OmitType(CreateStudyDto, ['status']), { skipNullProperties: false }) {
  @ApiPropertyOptional({ enum: STUDY_STATUSES })
  @LeftOutOrValid()
  @IsIn(STUDY_STATUSES, { message: `must be one of ${STUDY_STATUSES.join(', ')}` })
  status?: StudyStatus;
}

/** A form sends an empty field as ""; for optional contact details that means "none". */
const emptyAsNull = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? null : value));

export class OrganisationDto {
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(200) name: string;
  @ApiPropertyOptional() @emptyAsNull() @IsOptional() @IsString() @MaxLength(200) contactName?: string | null;
  @ApiPropertyOptional()
  @emptyAsNull()
  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  contactEmail?: string | null;
  @ApiPropertyOptional()
  @emptyAsNull()
  @IsOptional()
  @IsString()
  @Matches(/^[0-9 +()-]{6,40}$/, { message: 'must be a phone number (digits, spaces, + - ( ))' })
  contactPhone?: string | null;
}

export class UpdateOrganisationDto extends PartialType(OrganisationDto) {}

/** An empty form field means "not given". */
const blankAsUndefined = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? undefined : value));

/**
 * A new session slot, online (with a link) or in person (with an address). Pages send a date and clock times
 * read in Dutch time (native date and time inputs); scripts may send instants (`start`, `end`, ISO 8601) instead.
 */
export class SlotDto {
  @ApiPropertyOptional({
    enum: SLOT_MODES,
    description: 'online (needs onlineUrl) or in_person (needs location); by default what the given field says',
  })
  @IsOptional()
  @blankAsUndefined()
  @IsIn(SLOT_MODES, { message: 'must be online or in_person' })
  mode?: SlotMode;
  @ApiPropertyOptional({ example: '2026-12-08T10:00:00+01:00' })
  @IsOptional()
  @blankAsUndefined()
  @IsDateString({}, { message: 'must be a date and time (ISO 8601)' })
  start?: string;
  @ApiPropertyOptional({ example: '2026-12-08T12:00:00+01:00' })
  @IsOptional()
  @blankAsUndefined()
  @IsDateString({}, { message: 'must be a date and time (ISO 8601)' })
  end?: string;
  @ApiPropertyOptional({ example: '2026-12-08', description: 'day in Dutch time, with startTime and endTime' })
  @IsOptional()
  @blankAsUndefined()
  @IsString()
  @MaxLength(10)
  date?: string;
  @ApiPropertyOptional({ example: '10:00' })
  @IsOptional()
  @blankAsUndefined()
  @IsString()
  @MaxLength(5)
  startTime?: string;
  @ApiPropertyOptional({ example: '12:00' })
  @IsOptional()
  @blankAsUndefined()
  @IsString()
  @MaxLength(5)
  endTime?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @blankAsUndefined()
  @IsUrl(
    { protocols: ['https', 'http'], require_protocol: true },
    { message: 'must be a web address starting with https://' },
  )
  @MaxLength(500)
  onlineUrl?: string;
  @ApiPropertyOptional() @IsOptional() @blankAsUndefined() @IsString() @MaxLength(300) location?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @blankAsUndefined()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  capacity?: number;
}

/** The page's slot form: the link is checked with the slot's other rules, so the page can word every problem. */
export class SlotFormDto extends OmitType(SlotDto, ['onlineUrl'] as const) {
  @IsOptional() @IsString() @MaxLength(500) onlineUrl?: string;
}
