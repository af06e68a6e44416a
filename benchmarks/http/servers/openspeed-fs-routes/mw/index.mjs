export const GET = (c) => c.text('ok')
