/**
 * Which proxies in front of the app may report the client's address. `false` (the default): none,
 * the TCP peer is the client and forwarding headers are ignored, because any client can send them.
 * A number: that many proxies always sit in front (e.g. `1` behind one load balancer). A list of
 * addresses or CIDR ranges: hops from those addresses are trusted, wherever they are in the chain.
 *
 * @example
 * const behindOneBalancer: TrustProxy = 1
 * const behindKnownProxies: TrustProxy = ['10.0.0.0/8', 'fd00::/8']
 */
export type TrustProxy = false | number | readonly string[]

/**
 * How rateLimit and ipFilter find the client's address.
 *
 * @example
 * const options: ClientAddressOptions = { trustProxy: ['192.0.2.10'], proxyHeader: 'forwarded' }
 */
export interface ClientAddressOptions {
  /**
   * Proxies whose forwarding header is believed. The client is the right-most address in the chain
   * (`<header entries>, <TCP peer>`) that is not a trusted proxy. Default `false`: the TCP peer.
   */
  trustProxy?: TrustProxy
  /**
   * The header trusted proxies write: `x-forwarded-for` (default) or `forwarded` (RFC 7239 `for=`).
   */
  proxyHeader?: 'x-forwarded-for' | 'forwarded'
}
