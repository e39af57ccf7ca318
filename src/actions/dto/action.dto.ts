import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { QUADRANTS } from '../../common/domain';
import { PageQueryDto } from '../../common/paging';
import { IdList } from '../../common/id-list';
import { ACTION_STATUSES, type ActionStatus, NOTE_LIMIT, TEXT_LIMIT } from '../action-rules';

/** A form sends one checkbox as a string and several as an array; the API sends numbers. */
const toArray = ({ value }: { value: unknown }): unknown[] | undefined =>
  value === undefined || value === '' ? undefined : Array.isArray(value) ? (value as unknown[]) : [value];
/** An empty date field means "no milestone". */
const emptyToNull = ({ value }: { value: unknown }) => (value === '' ? null : value);

// Texts are checked in the service against TEXT_LIMIT and worded next to their field; these limits only keep
// absurd bodies out.
export class ActionChangeDto {
  @ApiPropertyOptional({ example: 'Aankondigingskaart meterwissel' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMIT * 2)
  omschrijving?: string;

  @ApiPropertyOptional({ example: 'Veel bellers weten niet wanneer de monteur komt (CONS_INFO_PLAN).' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMIT * 2)
  analyse?: string;

  @ApiPropertyOptional({ example: 'Drie ontwerpen van de kaart proefdraaien.' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMIT * 2)
  actie?: string;

  @ApiPropertyOptional({ type: [Number], description: 'user ids: researchers, or partners of the organisation' })
  @IdList(50)
  actiehouders?: number[];

  @ApiPropertyOptional({ example: '2026-12-15', nullable: true, description: 'the next milestone, YYYY-MM-DD' })
  @IsOptional()
  @Transform(emptyToNull)
  @IsString()
  @MaxLength(20)
  mijlpaal?: string | null;

  @ApiPropertyOptional({ type: [Number], description: 'evidence: codebook code ids' })
  @IdList(200)
  codes?: number[];

  @ApiPropertyOptional({
    type: [Number],
    description: 'evidence: coding ids of shareable quotes (final codings) of the action’s organisation',
  })
  @IdList(200)
  quotes?: number[];

  @ApiPropertyOptional({ enum: QUADRANTS, isArray: true, description: 'evidence: quadrants' })
  @IsOptional()
  @Transform(toArray)
  @IsArray()
  @ArrayMaxSize(4)
  @IsIn(QUADRANTS, { each: true })
  quadrants?: string[];
}

export class CreateActionDto extends ActionChangeDto {
  @ApiProperty({ example: 'Vitens', description: 'a partner organisation of the study, by name (or its id)' })
  @IsDefined()
  organisation: string | number;
}

export class ActionStatusDto {
  @ApiProperty({ enum: ACTION_STATUSES })
  @IsIn(ACTION_STATUSES)
  status: ActionStatus;

  @ApiPropertyOptional({ description: 'why, for the history' })
  @IsOptional()
  @IsString()
  @MaxLength(NOTE_LIMIT)
  note?: string;
}

export class VariantDto {
  @ApiProperty({ example: 'Kaart A' }) name: string;
  @ApiProperty({ example: 15000 }) reached: number;
  @ApiProperty({ example: 54 }) contacts: number;
  @ApiPropertyOptional({ description: 'exactly one variant is the reference' }) reference?: boolean;
}

// The variants' counts are checked by measureVariants (proportions.ts), which words each problem with the field
// it is about; the DTO only asks for a list.
export class MeasurementDto {
  @ApiProperty({ example: 'Pilot aankondigingskaart' })
  @IsString()
  @MaxLength(200)
  name: string;

  @ApiProperty({ type: [VariantDto] })
  @IsArray()
  @ArrayMaxSize(50)
  variants: VariantDto[];
}

/** The measurement form on a page: rows of name, reached and contacts, and the reference row's number. */
export class MeasurementFormDto {
  @IsString() @MaxLength(200) name: string;
  @IsOptional() @Transform(toArray) @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) variantName?: string[];
  @IsOptional() @Transform(toArray) @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) variantReached?: string[];
  @IsOptional() @Transform(toArray) @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) variantContacts?: string[];
  @IsOptional() @IsString() @MaxLength(3) reference?: string;
}

export class ActionListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'an organisation of the study, by name' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  organisation?: string;

  @ApiPropertyOptional({ enum: ACTION_STATUSES })
  @IsOptional()
  @IsIn(ACTION_STATUSES)
  status?: ActionStatus;
}

export const ACTION_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ActionExportFormat = (typeof ACTION_EXPORT_FORMATS)[number];

export class ActionExportQueryDto {
  @ApiPropertyOptional({ enum: ACTION_EXPORT_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(ACTION_EXPORT_FORMATS)
  format?: ActionExportFormat;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  organisation?: string;
}
