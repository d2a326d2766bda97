// Whether an RDS engine requires TLS from clients: the parameter that decides it, the values
// that turn it on, and what a default parameter group leaves it at, by engine and version.
import type { Value } from '../../model/types.js';
import { asString } from '../../model/value.js';

export interface TlsParameter {
  name: string;
  on: (v: string) => boolean;
  /** Whether the engine's default parameter group requires TLS, for a major.minor version; undefined when the version is not known. */
  defaultOn: (version: number[] | undefined) => boolean | undefined;
}

const forceSsl = (v: string) => v.trim() === '1' || v.trim().toLowerCase() === 'true';
const secureTransport = (v: string) => ['on', '1', 'true'].includes(v.trim().toLowerCase());
const atLeast = (min: number[]) => (ver: number[] | undefined) => (ver === undefined ? undefined : compare(ver, min) >= 0);
const never = () => false;

/**
 * Per engine. Defaults as documented by RDS: rds.force_ssl is 1 for RDS for PostgreSQL 15 and
 * later; require_secure_transport is ON for RDS for MySQL 9.7 and MariaDB 11.8 and later; off
 * for the other versions and for Aurora and SQL Server.
 */
export function tlsParameter(engine: string): TlsParameter | undefined {
  const e = engine.toLowerCase();
  if (e === 'postgres') return { name: 'rds.force_ssl', on: forceSsl, defaultOn: atLeast([15]) };
  if (e === 'aurora-postgresql' || e.startsWith('sqlserver')) return { name: 'rds.force_ssl', on: forceSsl, defaultOn: never };
  if (e === 'mysql') return { name: 'require_secure_transport', on: secureTransport, defaultOn: atLeast([9, 7]) };
  if (e === 'mariadb') return { name: 'require_secure_transport', on: secureTransport, defaultOn: atLeast([11, 8]) };
  if (e === 'aurora-mysql' || e === 'aurora') return { name: 'require_secure_transport', on: secureTransport, defaultOn: never };
  return undefined;
}

/** Leading numbers of a version ("15.4" -> [15, 4]; family "postgres15" -> [15]; "aurora-mysql8.0" -> [8, 0]). */
export function versionOf(v: Value | string | undefined): number[] | undefined {
  const s = typeof v === 'string' ? v : asString(v);
  const m = s ? /(\d+)(?:\.(\d+))?/.exec(s.replace(/^[a-z-]*?(?=\d)/i, '')) : null;
  if (!m) return undefined;
  return m[2] !== undefined ? [Number(m[1]), Number(m[2])] : [Number(m[1])];
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d) return d;
  }
  return 0;
}
