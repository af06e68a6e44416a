import { getConnInfo, type MiddlewareHandler } from '@openspeed/core'
import { compileRanges, parseIp } from '../_cidr.ts'
import { clientAddressSchema, createClientAddressReader } from '../_client-ip.ts'
import { checkMiddlewareOptions, configError, middlewareError } from '../_errors.ts'
import type { ClientAddressOptions } from '../client-address-options.ts'

/**
 * Options for {@link ipFilter}.
 *
 * @example
 * const options: IpFilterOptions = { allow: ['10.0.0.0/8'], deny: ['10.0.66.0/24'], trustProxy: 1 }
 */
export interface IpFilterOptions extends ClientAddressOptions {
  /**
   * Addresses and CIDR ranges allowed in, IPv4 or IPv6 (`10.0.0.0/8`, `2001:db8::/32`,
   * `::ffff:192.0.2.1`). When given, every other address is refused.
   */
  allow?: readonly string[]
  /** Addresses and CIDR ranges refused; checked before `allow`, so a deny always wins. */
  deny?: readonly string[]
}

const kInvalidRule = 'OS_ERR_IP_FILTER_INVALID_RULE'

/**
 * Allows or refuses requests by client IP address, with CIDR ranges for IPv4 and IPv6. A refused
 * request gets a 403 problem response (`OS_ERR_IP_FILTER_DENIED`); so does a request whose client
 * address cannot be known (fail closed). The client address is the TCP peer unless `trustProxy`
 * names the proxies in front of the app: `X-Forwarded-For` is never believed by default.
 * Invalid entries throw when the middleware is created.
 *
 * @example
 * import { OpenSpeed } from '@openspeed/core'
 * import { ipFilter } from '@openspeed/middleware/ip-filter'
 *
 * const admin = new OpenSpeed()
 *   .use(ipFilter({ allow: ['10.0.0.0/8', 'fd00::/8'], trustProxy: ['10.0.0.1'] }))
 *   .get('/', (c) => c.text('internal only'))
 */
export function ipFilter(options: IpFilterOptions): MiddlewareHandler {
  checkMiddlewareOptions('ipFilter()', 'OS_ERR_IP_FILTER_INVALID_RULE', options, {
    allow: 'array',
    deny: 'array',
    ...clientAddressSchema,
  })
  const allowList = options.allow ?? []
  const denyList = options.deny ?? []
  if (!Array.isArray(allowList) || !Array.isArray(denyList)) {
    throw configError(kInvalidRule, 'ipFilter: allow and deny must be arrays of addresses or CIDR ranges')
  }
  if (allowList.length === 0 && denyList.length === 0) {
    throw configError(kInvalidRule, 'ipFilter: give at least one entry in allow or deny')
  }
  const allowed = allowList.length > 0 ? compileRanges(allowList, 'ipFilter allow', kInvalidRule) : null
  const denied = denyList.length > 0 ? compileRanges(denyList, 'ipFilter deny', kInvalidRule) : null
  const clientAddress = createClientAddressReader(options, 'ipFilter')
  return async function ipFilterMiddleware(c, next) {
    const address = clientAddress(c)
    if (address === undefined) {
      throw middlewareError('OS_ERR_IP_FILTER_DENIED', {
        detail:
          parseIp(getConnInfo(c).remote.address) === undefined
            ? 'The server reports no valid client address (getConnInfo), so ipFilter refuses the request'
            : 'The client address in the forwarding header is not valid, so ipFilter refuses the request',
      })
    }
    if (denied?.(address) === true || (allowed !== null && !allowed(address))) {
      throw middlewareError('OS_ERR_IP_FILTER_DENIED', {
        detail: 'Requests from this address are not allowed',
      })
    }
    await next()
  }
}
