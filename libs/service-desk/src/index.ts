// The lib's rules in the one access policy (who reads which rows and fields).
import './access-policy.js';
export * from './service-desk.module.js';
export { ServiceRequestsService } from './requests/service-requests.service.js';
export { ServiceRequestWorkflowService } from './requests/service-request-workflow.service.js';
export { ServiceProvidersService } from './providers/service-providers.service.js';
export { OPEN_SERVICE_REQUESTS_READS, openServiceRequestsCount } from './open-service-requests.js';
export { ServiceProvider } from './providers/service-provider.entity.js';
export { ServiceCategory } from './providers/service-category.enum.js';
export { ServiceRequest } from './requests/service-request.entity.js';
export { ServiceRequestStatus } from './requests/service-request-status.enum.js';
export {
  DEFAULT_RESPONSE_HOURS,
  RESPONSE_HOURS_VARIABLE,
  parseResponseHours,
} from './requests/response-times.js';
export { NEXT_STATUSES } from './requests/status-machine.js';
