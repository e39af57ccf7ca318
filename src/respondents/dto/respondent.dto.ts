import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { MAX_ID } from '../../common/parse-id.pipe';
import { LOCALES, QUADRANTS, RESPONDENT_STATUSES } from '../../common/domain';
import type { Locale, Quadrant, RespondentStatus } from '../../common/domain';
import { emptyAsUndefined, IsIdParam } from '../../common/list-filters';
import { PageQueryDto } from '../../common/paging';

/** The envelope the screener page posts: the answers plus what identifies the attempt and the version answered. */
export class ScreenerSubmissionDto {
  @ApiProperty({ description: 'UUID generated in the browser; a retry with the same id returns the first result' })
  @IsUUID('all', { message: 'must be a UUID' })
  submissionId: string;

  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_ID) definitionVersion: number;

  @ApiProperty({ enum: LOCALES }) @IsIn(LOCALES, { message: 'must be nl or en' }) locale: Locale;

  @ApiProperty({ description: 'SurveyJS data: question name -> answer' })
  @IsObject({ message: 'must be an object of answers' })
  answers: Record<string, unknown>;
}

/** The pool's filters and page (limit up to 200, default 50). */
export class PoolFilterDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @emptyAsUndefined() @IsIdParam() organisation?: number;
  @ApiPropertyOptional({ enum: QUADRANTS })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value))
  @IsIn(QUADRANTS, { message: `must be one of ${QUADRANTS.join(', ')}` })
  quadrant?: Quadrant;
  @ApiPropertyOptional({ enum: RESPONDENT_STATUSES })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value))
  @IsIn(RESPONDENT_STATUSES, { message: `must be one of ${RESPONDENT_STATUSES.join(', ')}` })
  status?: RespondentStatus;
}

export class QuadrantOverrideDto {
  @ApiProperty({ enum: QUADRANTS })
  @IsIn(QUADRANTS, { message: `must be one of ${QUADRANTS.join(', ')}` })
  quadrant: Quadrant;
  @ApiProperty({ description: 'Why the researcher overrides the selection question' })
  @IsString()
  @MinLength(3, { message: 'must say why (at least 3 characters)' })
  @MaxLength(500)
  reason: string;
}

export class ImportOptionsDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  dryRun?: boolean;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  partial?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) fileName?: string;
}
