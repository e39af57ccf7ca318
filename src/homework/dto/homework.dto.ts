import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsObject, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { MAX_ID } from '../../common/parse-id.pipe';
import { MAX_REMINDER_DAYS } from '../../config/homework-options';

export class HomeworkDraftDto {
  @ApiProperty({ description: 'The revision the answers were loaded at; a newer one on the server gives 409.' })
  @IsInt()
  @Min(0)
  @Max(MAX_ID)
  revision: number;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'SurveyJS answers (question name → value).' })
  @IsObject()
  data: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'The SurveyJS page the respondent is on, to resume there.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  currentPage?: string | null;
}

export class HomeworkSubmitDto {
  @ApiProperty() @IsInt() @Min(0) @Max(MAX_ID) revision: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) @IsObject() data: Record<string, unknown>;
}

export class PaperEntryDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The answers as written on the paper form.' })
  @IsObject()
  data: Record<string, unknown>;
}

export class HomeworkSettingsDto {
  @ApiProperty({
    nullable: true,
    description: `Days before the deadline for the reminder (0-${MAX_REMINDER_DAYS}); null = the configured default.`,
  })
  @ValidateIf((_, v) => v !== null && v !== '')
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_REMINDER_DAYS)
  reminderDays: number | null;
}

export class CodeEntryDto {
  @ApiProperty({ example: 'ABCD-EFGH' }) @IsString() @MaxLength(40) code: string;
}

const asBoolean = ({ value }: { value: unknown }) =>
  value === true || value === 'true' || value === '1' || value === 'on';

/** The homework import's query: a dry run previews, `replace` lets the file replace answers already there. */
export class HomeworkImportOptionsDto {
  @ApiPropertyOptional() @IsOptional() @Transform(asBoolean) @IsBoolean() dryRun?: boolean;
  @ApiPropertyOptional({ description: 'replace answers a respondent already sent or is typing' })
  @IsOptional()
  @Transform(asBoolean)
  @IsBoolean()
  replace?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) fileName?: string;
}
