export type { ClientAddressOptions, TrustProxy } from '../_client-ip.ts'
export { type IpFilterOptions, ipFilter } from './ip-filter.ts'
