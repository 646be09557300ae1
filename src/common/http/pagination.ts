import { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type as TransformTo } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @TransformTo(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = DEFAULT_PAGE_SIZE;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @TransformTo(() => Number)
  @IsInt()
  @Min(0)
  offset: number = 0;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export function toPage<E, T>(
  [rows, total]: [E[], number],
  query: PageQuery,
  toResponse: (row: E) => T,
): Page<T> {
  return { items: rows.map(toResponse), total, limit: query.limit, offset: query.offset };
}

/** An OpenAPI model of one page of `item`s. */
export function PageOf<T>(item: Type<T>): Type<Page<T>> {
  class PageOfItems implements Page<T> {
    @ApiProperty({ type: item, isArray: true })
    items: T[];

    @ApiProperty({ example: 1 })
    total: number;

    @ApiProperty({ example: DEFAULT_PAGE_SIZE })
    limit: number;

    @ApiProperty({ example: 0 })
    offset: number;
  }
  Object.defineProperty(PageOfItems, 'name', {
    value: `${item.name.replace(/Response$/, '')}Page`,
  });
  return PageOfItems;
}
