export const GET = (c) => c.text('/api/v2/teams/search')
