// Locating a verdict about a property that may be missing.
import type { Loc } from '../../model/types.js';
import type { ResourceContext } from '../api.js';

/**
 * Where `path` is written, or the innermost block on it that lacks the rest; when even the
 * first block of the path is missing, the resource itself rather than whichever property
 * happens to come first.
 */
export function whereWritten(r: ResourceContext, path: string): Loc {
  return r.properties.props.has(path.split('.')[0]) ? r.locate(path) : r.resource.loc;
}
