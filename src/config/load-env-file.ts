import { config } from 'dotenv';

// Loaded before anything else so that entity column types, which depend on the database
// engine, see the same environment as the configuration module.
config({ quiet: true });
