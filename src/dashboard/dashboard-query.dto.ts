import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Transform } from 'class-transformer';
import { OFFSET_MAX, PageQueryDto, parseWholeNumber } from '../common/paging';

/** The dashboard's query: a page of its pipeline rows, and what a bulk action just did (its redirect says so). */
export class DashboardQueryDto extends PageQueryDto {
  @IsOptional() @IsString() @MaxLength(50) done?: string;
  @IsOptional() @Transform(({ value }) => parseWholeNumber(value)) @IsInt() @Min(0) @Max(OFFSET_MAX) n?: number;
  @IsOptional() @Transform(({ value }) => parseWholeNumber(value)) @IsInt() @Min(0) @Max(OFFSET_MAX) refused?: number;
}
