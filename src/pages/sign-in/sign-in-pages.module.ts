import { Module } from '@nestjs/common';
import { AccountsModule } from '../../accounts/accounts.module';
import { PageSharedModule } from '../shared/page-shared.module';
import { SignInController } from './sign-in.controller';

@Module({
  imports: [PageSharedModule, AccountsModule],
  controllers: [SignInController],
})
export class SignInPagesModule {}
