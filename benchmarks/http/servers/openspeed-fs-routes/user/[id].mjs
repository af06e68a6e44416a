export const GET = (c) => c.json({ id: c.req.param('id') })
