import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { CODEBOOK_FORMATS, type CodebookFormat } from '../codebook-versions';

// Limits well above the codebook's own (200 per label, 64 per Tekst-ID, 2000 per Logtekst): those are checked
// with the whole codebook and answered next to the field in the reader's language.
export class CodeDto {
  @ApiProperty({ example: 'Informatievoorziening / NAW mutaties', description: 'Categorie 1' })
  @IsString()
  @MaxLength(1000)
  cat1: string;

  @ApiPropertyOptional({ example: 'Installatie gegevens', description: 'Categorie 2 (empty: a code of level 1)' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  cat2?: string;

  @ApiPropertyOptional({ example: 'EAN code', description: 'Categorie 3' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  cat3?: string;

  @ApiPropertyOptional({
    example: 'CONS_INFO_INST_EAN',
    description: 'empty for a category that only groups other codes',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  tekstId?: string;

  @ApiPropertyOptional({ example: 'Naam beller: Klantvraag: Product: EAN-code doorgegeven:' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  logtekst?: string;

  @ApiPropertyOptional({ example: '#0072B2', description: 'empty: the colour of its Categorie 1' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  colour?: string;
}

const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' || value === '1' || value === true
    ? true
    : value === 'false' || value === '0' || value === false
      ? false
      : value;

export class CodebookImportQueryDto {
  @ApiPropertyOptional({ description: 'only report what would change' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  dryRun?: boolean;

  @ApiPropertyOptional({ description: 'the file name, when the file is sent as the body' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  fileName?: string;
}

export class CodebookExportQueryDto {
  @ApiPropertyOptional({ enum: CODEBOOK_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(CODEBOOK_FORMATS, { message: `must be one of ${CODEBOOK_FORMATS.join(', ')}` })
  format?: CodebookFormat;
}
