export const GET = (c) => c.text('/api/v1/invoices/recent')
