export type { ClientAddressOptions, TrustProxy } from '../client-address-options.ts'
export { type IpFilterOptions, ipFilter } from './ip-filter.ts'
