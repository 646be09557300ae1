import { Global, Module } from '@nestjs/common';
import { TextSearch } from './text-search';

@Global()
@Module({ providers: [TextSearch], exports: [TextSearch] })
export class SearchModule {}
