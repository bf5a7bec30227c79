// Each integration test file talks to the database the global setup prepared.
import { inject } from 'vitest';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.NEXTAUTH_SECRET ??= 'integration-tests-secret-0123456789';
process.env.APP_URL ??= 'http://localhost:3000';
