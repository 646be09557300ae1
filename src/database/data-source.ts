import '../config/load-env-file';
import { DataSource } from 'typeorm';
import { validateEnvironment } from '../config/environment';
import { databaseOptions } from './database-options';

/** The data source of the TypeORM CLI (`npm run migration:run`, `migration:revert`, ...). */
export default new DataSource(databaseOptions(validateEnvironment(process.env)));
