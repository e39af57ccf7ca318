import type { DirectJsonRoute } from '../common/direct-routes';
import { draftRequest } from './draft-request';
import { HomeworkService } from './homework.service';
import { normaliseCode } from './short-code';

/**
 * PUT /api/homework/:token/draft answered ahead of Express (src/common/direct-routes.ts): autosave is the
 * busiest request by far, and the middleware chain cost several times the save (bench/homework.ts). The body
 * is checked as the controller's DTO is (draft-request.ts); same service, error JSON and security headers as
 * HomeworkController. A typed code (/h/<CODE>) takes the controller: its throttle counts per client address,
 * which needs Express's trusted-proxy handling.
 */
export function autosaveRoute(homework: HomeworkService): DirectJsonRoute {
  return {
    method: 'PUT',
    path: /^\/api\/homework\/([A-Za-z0-9_-]{1,100})\/draft$/,
    takes: ([key]) => !normaliseCode(key),
    handle: ([key], body, req) => homework.saveDraft(key, draftRequest(body), req.socket.remoteAddress ?? 'unknown'),
  };
}
