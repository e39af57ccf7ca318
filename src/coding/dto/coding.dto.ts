import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

// Offsets and the code are checked against the stored answer and the codebook by the service (coded 400s);
// here only their shape.
export class ApplyCodingDto {
  @ApiProperty({ description: 'the homework assignment' })
  @IsInt()
  @Min(1)
  assignmentId: number;

  @ApiProperty({ example: 'contactMoments', description: "the question's name in the homework form" })
  @IsString()
  @MaxLength(100)
  question: string;

  @ApiProperty({ description: 'UTF-16 offset within the answer where the span starts' })
  @IsInt()
  @Min(0)
  start: number;

  @ApiProperty({ description: 'UTF-16 offset within the answer where the span ends (the answer length: all of it)' })
  @IsInt()
  @Min(0)
  end: number;

  @ApiProperty({ description: "a code of the study's codebook with a Tekst-ID" })
  @IsInt()
  @Min(1)
  codeId: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  memo?: string;
}

export class MemoDto {
  @ApiProperty({ description: 'empty: no memo' })
  @IsString()
  @MaxLength(10000)
  memo: string;
}

export class ShareableDto {
  @ApiProperty()
  @IsBoolean()
  shareable: boolean;
}

export class SettledCodingDto {
  @IsInt()
  @Min(0)
  start: number;

  @IsInt()
  @Min(0)
  end: number;

  @IsInt()
  @Min(1)
  codeId: number;

  @IsOptional()
  @IsString()
  @MaxLength(10000)
  memo?: string;

  @IsOptional()
  @IsBoolean()
  shareable?: boolean;
}

export class SettleDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  assignmentId: number;

  @ApiProperty()
  @IsString()
  @MaxLength(100)
  question: string;

  @ApiProperty({ type: [SettledCodingDto], description: 'the final coding of the answer; empty: not settled' })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => SettledCodingDto)
  codings: SettledCodingDto[];
}
