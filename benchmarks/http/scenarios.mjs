// The one definition every server implements and the runner checks. A server imports the data
// and helpers below so every framework does the same work; only routing, parsing, validation
// wiring and response writing differ, and those are what we measure.
import { z } from 'zod'

export const helloText = 'Hello, World!'
export const token = 'bench-7f3a9c2e41d8'

const resources = ['users', 'orders', 'products', 'invoices', 'teams']
const actions = ['list', 'search', 'export', 'stats', 'recent', 'archived', 'pending', 'summary']
const versions = ['v1', 'v2']
const generated = versions.flatMap((v) => resources.flatMap((r) => actions.map((a) => `/api/${v}/${r}/${a}`)))

/** The deep static path: registered last, after 99 others that share its prefix. */
export const deepPath = '/api/v2/organizations/acme/projects/website/settings/notifications'
/** ~100 static GET routes; each answers its own path as text. */
export const staticPaths = [...generated, ...generated.slice(0, 19).map((p) => `${p}/all`), deepPath]

/** Five no-op middlewares run before the `/mw` handler. */
export const middlewareCount = 5

export const echoPayload = {
  id: 12345,
  name: 'OpenSpeed',
  tags: ['fast', 'typed', 'portable'],
  active: true,
  score: 9.5,
  owner: { id: 7 },
}

export const orderSchema = z.object({
  customerId: z.string().min(3),
  currency: z.enum(['EUR', 'USD', 'GBP']),
  items: z
    .array(z.object({ sku: z.string().min(1), quantity: z.number().int().positive(), price: z.number() }))
    .min(1),
  note: z.string().max(200).optional(),
})

export const order = {
  customerId: 'cus_81f2a9',
  currency: 'EUR',
  items: [
    { sku: 'SKU-1001', quantity: 2, price: 19.99 },
    { sku: 'SKU-2040', quantity: 1, price: 249 },
    { sku: 'SKU-3177', quantity: 4, price: 3.5 },
  ],
  note: 'Leave at the front desk',
}

/** Whether an `Authorization` header value carries the expected bearer token. */
export function isAuthorized(header) {
  return header === `Bearer ${token}`
}

/** Parses `page` and `limit` the same way for everyone (strings from the query, or undefined). */
export function paging(page, limit) {
  return { page: Number(page ?? 1) || 1, limit: Math.min(Number(limit ?? 10) || 10, 100) }
}

/** The ~1 KB answer of the real-world route for a validated order and its paging. */
export function orderResponse(input, { page, limit }) {
  const lines = input.items.map((item, i) => ({
    line: i + 1,
    sku: item.sku,
    quantity: item.quantity,
    unitPrice: item.price,
    total: Math.round(item.quantity * item.price * 100) / 100,
  }))
  const subtotal = Math.round(lines.reduce((sum, l) => sum + l.total, 0) * 100) / 100
  return {
    id: 'ord_20240611_0001',
    status: 'accepted',
    customerId: input.customerId,
    currency: input.currency,
    note: input.note ?? null,
    lines,
    totals: { subtotal, tax: Math.round(subtotal * 20) / 100, shipping: 4.95 },
    pagination: { page, limit, nextPage: page + 1, previousPage: page > 1 ? page - 1 : null },
    links: {
      self: '/api/orders/ord_20240611_0001',
      customer: `/api/customers/${input.customerId}`,
      invoice: '/api/invoices/inv_20240611_0001',
      tracking: '/api/shipments/shp_20240611_0001/tracking',
    },
    recommendations: ['SKU-4410', 'SKU-5521', 'SKU-6632', 'SKU-7743', 'SKU-8854', 'SKU-9965'].map((sku) => ({
      sku,
      href: `/api/products/${sku}`,
    })),
    createdAt: '2024-06-11T09:30:00.000Z',
  }
}

const json = 'application/json'
const bearer = { authorization: `Bearer ${token}`, 'content-type': json }
const orderPath = '/api/orders?page=2&limit=20'

/**
 * Each scenario: the request wrk sends, and what a correct answer is. `also` lists extra
 * requests checked before measuring, so a server cannot skip the work (auth, validation).
 */
export const scenarios = [
  {
    name: 'text',
    title: 'GET / text',
    method: 'GET',
    path: '/',
    expect: { type: 'text/plain', text: helloText },
  },
  {
    name: 'param',
    title: 'GET /user/:id JSON',
    method: 'GET',
    path: '/user/42',
    expect: { type: json, json: { id: '42' } },
  },
  {
    name: 'post-json',
    title: 'POST /json echo',
    method: 'POST',
    path: '/json',
    headers: { 'content-type': json },
    body: JSON.stringify(echoPayload),
    expect: { type: json, json: echoPayload },
  },
  {
    name: 'deep-static',
    title: 'deep static of 100',
    method: 'GET',
    path: deepPath,
    expect: { type: 'text/plain', text: deepPath },
  },
  {
    name: 'middleware',
    title: '5 middlewares',
    method: 'GET',
    path: '/mw',
    expect: { type: 'text/plain', text: 'ok' },
  },
  { name: 'not-found', title: '404', method: 'GET', path: '/api/v3/nothing/here', expect: { status: 404 } },
  {
    name: 'real-world',
    title: 'real-world POST',
    method: 'POST',
    path: orderPath,
    headers: bearer,
    body: JSON.stringify(order),
    expect: { type: json, json: orderResponse(order, paging('2', '20')) },
    also: [
      {
        what: 'no bearer token',
        headers: { 'content-type': json },
        body: JSON.stringify(order),
        status: [401],
      },
      {
        what: 'invalid body',
        headers: bearer,
        body: JSON.stringify({ ...order, items: [] }),
        status: [400, 422],
      },
    ],
  },
]

/** The six scenarios the geomean target is computed over. */
export const basicScenarios = ['text', 'param', 'post-json', 'deep-static', 'middleware', 'not-found']
