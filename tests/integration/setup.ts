// Each integration test file talks to the database the global setup prepared.
import { inject } from 'vitest';
import { apiRouteMethods } from '@/lib/api/route-files';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.NEXTAUTH_SECRET ??= 'integration-tests-secret-0123456789';
process.env.APP_URL ??= 'http://localhost:3000';
// What next.config.ts gives the app when Next builds it: the proxy's table of API methods.
process.env.BUTIN_API_ROUTE_METHODS ??= JSON.stringify(apiRouteMethods(process.cwd()));
