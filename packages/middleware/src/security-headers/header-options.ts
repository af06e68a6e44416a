/**
 * `Permissions-Policy` features and their allow lists: `[]` disables a feature, `'self'` and `'*'`
 * are keywords, anything else is an origin.
 *
 * @example
 * const policy: PermissionsPolicy = { camera: [], geolocation: ['self', 'https://maps.example.com'] }
 */
export type PermissionsPolicy = Record<string, readonly string[]>

/**
 * `Strict-Transport-Security` settings.
 *
 * @example
 * const hsts: HstsOptions = { maxAge: 63072000, includeSubDomains: true, preload: true }
 */
export interface HstsOptions {
  /** Seconds browsers remember to use HTTPS only. Default one year. */
  maxAge?: number
  /** Default `true`. */
  includeSubDomains?: boolean
  /** Default `false`: only set it once the domain is submitted to the preload list. */
  preload?: boolean
}

/**
 * The default `Permissions-Policy`: powerful features off unless the app turns them on.
 *
 * @example
 * securityHeaders({ permissionsPolicy: { ...defaultPermissionsPolicy, geolocation: ['self'] } })
 */
export const defaultPermissionsPolicy: Readonly<PermissionsPolicy> = {
  camera: [],
  geolocation: [],
  microphone: [],
  payment: [],
  usb: [],
}
