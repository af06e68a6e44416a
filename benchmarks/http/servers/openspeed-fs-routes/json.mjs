export const POST = async (c) => c.json(await c.req.json())
