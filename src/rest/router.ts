/**
 * Matches a v1 path to its route: 404 for an unknown path, 405 (with Allow) for a wrong method.
 * HEAD is answered wherever GET is.
 */
import { ApiError } from '../errors.js';
import type { RestRoute } from './route.js';

interface CompiledPath {
  pattern: RegExp;
  names: string[];
  routes: RestRoute[];
}

export interface RouteMatch {
  route: RestRoute;
  params: Record<string, string>;
}

export class RestRouter {
  private readonly paths: CompiledPath[] = [];

  constructor(routes: RestRoute[]) {
    for (const route of routes) {
      const existing = this.paths.find((p) => p.routes[0]?.path === route.path);
      if (existing) existing.routes.push(route);
      else this.paths.push({ ...compilePath(route.path), routes: [route] });
    }
  }

  match(method: string, pathname: string): RouteMatch {
    for (const path of this.paths) {
      const found = path.pattern.exec(pathname);
      if (!found) continue;
      // HEAD is GET without the body, which node:http leaves out by itself.
      const wanted = method === 'HEAD' ? 'GET' : method;
      const route = path.routes.find((r) => r.method === wanted);
      if (!route) {
        const methods = path.routes.map((r) => r.method);
        const allow = (methods.includes('GET') ? [...methods, 'HEAD'] : methods).join(', ');
        throw new ApiError('METHOD_NOT_ALLOWED', `Method ${method} not allowed; use ${allow}`, {
          headers: { Allow: allow },
        });
      }
      const params = Object.fromEntries(
        path.names.map((name, i) => [name, decodeSegment(found[i + 1] ?? '')]),
      );
      return { route, params };
    }
    throw new ApiError('NOT_FOUND', 'Not found');
  }
}

function compilePath(path: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = path
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { pattern: new RegExp(`^${source}/?$`), names };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ApiError('NOT_FOUND', 'Not found');
  }
}
