export const GET = (c) => c.text('/api/v2/organizations/acme/projects/website/settings/notifications')
