export const GET = (c) => c.text('/api/v1/orders/summary/all')
