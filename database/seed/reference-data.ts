// The reference rows of the provided seed: its 50 clients, 15 team members and 14 ticket types,
// transcribed as constants so the generator needs no external file. Array position + 1 is the id,
// exactly as the provided seed's serial ids come out. test/integration/seed.test.ts compares these
// with a database loaded from the original files whenever they are available.

export type PlanType = 'starter' | 'professional' | 'enterprise';
export type Department = 'support' | 'finance' | 'technical';
export type Priority = 'low' | 'medium' | 'high' | 'urgent';

export interface ReferenceClient {
  name: string;
  email: string;
  status: 'active' | 'inactive';
  plan: PlanType;
  /** Whole US dollars (the column is numeric(10,2)). */
  monthlyBudget: number;
  createdAt: string;
}

export interface ReferenceTeamMember {
  username: string;
  email: string;
  department: Department;
  status: 'active' | 'inactive';
  createdAt: string;
}

export interface ReferenceTicketType {
  name: string;
  department: Department;
  priority: Priority;
  avgResolutionHours: number;
}

export const referenceClients: readonly ReferenceClient[] = [
  { name: 'TechStart Inc', email: 'admin@techstart.com', status: 'active', plan: 'professional', monthlyBudget: 5000, createdAt: '2025-01-15T10:00:00Z' },
  { name: 'GrowthCo', email: 'contact@growthco.io', status: 'active', plan: 'enterprise', monthlyBudget: 15000, createdAt: '2025-01-20T14:30:00Z' },
  { name: 'SmallBiz LLC', email: 'owner@smallbiz.com', status: 'active', plan: 'starter', monthlyBudget: 1000, createdAt: '2025-02-01T09:00:00Z' },
  { name: 'MegaCorp', email: 'support@megacorp.com', status: 'active', plan: 'enterprise', monthlyBudget: 25000, createdAt: '2025-02-05T11:00:00Z' },
  { name: 'StartupHub', email: 'hello@startuphub.co', status: 'active', plan: 'professional', monthlyBudget: 7500, createdAt: '2025-02-10T16:00:00Z' },
  { name: 'EcomStore', email: 'team@ecomstore.com', status: 'active', plan: 'professional', monthlyBudget: 6000, createdAt: '2025-02-15T10:30:00Z' },
  { name: 'DigitalAgency', email: 'ops@digitalagency.com', status: 'active', plan: 'enterprise', monthlyBudget: 20000, createdAt: '2025-03-01T08:00:00Z' },
  { name: 'LocalShop', email: 'info@localshop.com', status: 'inactive', plan: 'starter', monthlyBudget: 800, createdAt: '2025-03-05T12:00:00Z' },
  { name: 'GlobalTech', email: 'admin@globaltech.com', status: 'active', plan: 'enterprise', monthlyBudget: 18000, createdAt: '2025-03-10T15:00:00Z' },
  { name: 'QuickStart', email: 'contact@quickstart.io', status: 'active', plan: 'starter', monthlyBudget: 1200, createdAt: '2025-03-15T11:30:00Z' },
  { name: 'InnovateLabs', email: 'team@innovatelabs.com', status: 'active', plan: 'professional', monthlyBudget: 8000, createdAt: '2025-03-20T09:45:00Z' },
  { name: 'RetailPro', email: 'support@retailpro.com', status: 'active', plan: 'professional', monthlyBudget: 5500, createdAt: '2025-04-01T10:00:00Z' },
  { name: 'CloudServices', email: 'hello@cloudservices.io', status: 'active', plan: 'enterprise', monthlyBudget: 22000, createdAt: '2025-04-05T14:00:00Z' },
  { name: 'WebStudio', email: 'info@webstudio.com', status: 'active', plan: 'starter', monthlyBudget: 1500, createdAt: '2025-04-10T16:30:00Z' },
  { name: 'DataCorp', email: 'admin@datacorp.com', status: 'active', plan: 'enterprise', monthlyBudget: 30000, createdAt: '2025-04-15T09:00:00Z' },
  { name: 'MarketingPro', email: 'team@marketingpro.com', status: 'active', plan: 'professional', monthlyBudget: 6500, createdAt: '2025-05-01T11:00:00Z' },
  { name: 'FinanceHub', email: 'contact@financehub.io', status: 'active', plan: 'enterprise', monthlyBudget: 28000, createdAt: '2025-05-05T13:00:00Z' },
  { name: 'CreativeStudio', email: 'hello@creativestudio.com', status: 'active', plan: 'professional', monthlyBudget: 5000, createdAt: '2025-05-10T15:30:00Z' },
  { name: 'TechSolutions', email: 'support@techsolutions.com', status: 'active', plan: 'professional', monthlyBudget: 7000, createdAt: '2025-05-15T10:15:00Z' },
  { name: 'StartupX', email: 'team@startupx.io', status: 'active', plan: 'starter', monthlyBudget: 1800, createdAt: '2025-06-01T09:30:00Z' },
  { name: 'EnterpriseOne', email: 'admin@enterpriseone.com', status: 'active', plan: 'enterprise', monthlyBudget: 35000, createdAt: '2025-06-05T14:45:00Z' },
  { name: 'AgileTeam', email: 'contact@agileteam.com', status: 'active', plan: 'professional', monthlyBudget: 6200, createdAt: '2025-06-10T11:20:00Z' },
  { name: 'SaasPlatform', email: 'info@saasplatform.io', status: 'active', plan: 'enterprise', monthlyBudget: 24000, createdAt: '2025-06-15T16:00:00Z' },
  { name: 'DevShop', email: 'hello@devshop.com', status: 'active', plan: 'starter', monthlyBudget: 1400, createdAt: '2025-06-20T10:45:00Z' },
  { name: 'ScaleUp', email: 'team@scaleup.io', status: 'active', plan: 'professional', monthlyBudget: 9000, createdAt: '2025-07-01T12:00:00Z' },
  { name: 'ProductCo', email: 'support@productco.com', status: 'active', plan: 'enterprise', monthlyBudget: 26000, createdAt: '2025-07-05T09:15:00Z' },
  { name: 'DesignHub', email: 'admin@designhub.com', status: 'active', plan: 'professional', monthlyBudget: 5800, createdAt: '2025-07-10T14:30:00Z' },
  { name: 'MediaGroup', email: 'contact@mediagroup.io', status: 'active', plan: 'enterprise', monthlyBudget: 21000, createdAt: '2025-07-15T11:45:00Z' },
  { name: 'BizStarter', email: 'hello@bizstarter.com', status: 'active', plan: 'starter', monthlyBudget: 1100, createdAt: '2025-08-01T10:00:00Z' },
  { name: 'GrowthEngine', email: 'team@growthengine.io', status: 'active', plan: 'professional', monthlyBudget: 7200, createdAt: '2025-08-05T15:00:00Z' },
  { name: 'PremiumCo', email: 'support@premiumco.com', status: 'active', plan: 'enterprise', monthlyBudget: 32000, createdAt: '2025-08-10T09:30:00Z' },
  { name: 'FastTrack', email: 'admin@fasttrack.com', status: 'active', plan: 'professional', monthlyBudget: 6800, createdAt: '2025-08-15T13:15:00Z' },
  { name: 'InnovateCo', email: 'contact@innovateco.io', status: 'active', plan: 'professional', monthlyBudget: 5400, createdAt: '2025-08-20T16:45:00Z' },
  { name: 'BetaLabs', email: 'hello@betalabs.com', status: 'inactive', plan: 'starter', monthlyBudget: 900, createdAt: '2025-09-01T10:30:00Z' },
  { name: 'AlphaGroup', email: 'team@alphagroup.io', status: 'active', plan: 'enterprise', monthlyBudget: 27000, createdAt: '2025-09-05T14:00:00Z' },
  { name: 'Velocity', email: 'support@velocity.com', status: 'active', plan: 'professional', monthlyBudget: 6100, createdAt: '2025-09-10T11:30:00Z' },
  { name: 'NextGen', email: 'admin@nextgen.io', status: 'active', plan: 'enterprise', monthlyBudget: 23000, createdAt: '2025-09-15T15:45:00Z' },
  { name: 'QuickGrow', email: 'contact@quickgrow.com', status: 'active', plan: 'starter', monthlyBudget: 1600, createdAt: '2025-09-20T09:00:00Z' },
  { name: 'ProSolutions', email: 'hello@prosolutions.io', status: 'active', plan: 'professional', monthlyBudget: 7800, createdAt: '2025-10-01T12:30:00Z' },
  { name: 'UltraCorp', email: 'team@ultracorp.com', status: 'active', plan: 'enterprise', monthlyBudget: 29000, createdAt: '2025-10-05T10:15:00Z' },
  { name: 'SwiftStart', email: 'support@swiftstart.com', status: 'active', plan: 'starter', monthlyBudget: 1300, createdAt: '2025-10-10T14:45:00Z' },
  { name: 'PowerHub', email: 'admin@powerhub.io', status: 'active', plan: 'professional', monthlyBudget: 6700, createdAt: '2025-10-15T11:00:00Z' },
  { name: 'EliteServices', email: 'contact@eliteservices.com', status: 'active', plan: 'enterprise', monthlyBudget: 31000, createdAt: '2025-10-20T16:30:00Z' },
  { name: 'RapidGrowth', email: 'hello@rapidgrowth.io', status: 'active', plan: 'professional', monthlyBudget: 5900, createdAt: '2025-10-25T09:45:00Z' },
  { name: 'MicroBiz', email: 'team@microbiz.com', status: 'active', plan: 'starter', monthlyBudget: 1700, createdAt: '2025-11-01T13:00:00Z' },
  { name: 'MaxCorp', email: 'support@maxcorp.io', status: 'active', plan: 'enterprise', monthlyBudget: 33000, createdAt: '2025-11-05T10:30:00Z' },
  { name: 'AgileWorks', email: 'admin@agileworks.com', status: 'active', plan: 'professional', monthlyBudget: 6400, createdAt: '2025-11-08T15:15:00Z' },
  { name: 'TurboStart', email: 'contact@turbostart.io', status: 'active', plan: 'starter', monthlyBudget: 2000, createdAt: '2025-11-10T11:45:00Z' },
  { name: 'PeakPerformance', email: 'hello@peakperformance.com', status: 'active', plan: 'professional', monthlyBudget: 8500, createdAt: '2025-11-11T14:00:00Z' },
  { name: 'ZenithCo', email: 'team@zenithco.io', status: 'active', plan: 'enterprise', monthlyBudget: 34000, createdAt: '2025-11-12T09:30:00Z' },
];

export const referenceTeamMembers: readonly ReferenceTeamMember[] = [
  { username: 'john_smith', email: 'john.smith@company.com', department: 'support', status: 'active', createdAt: '2023-06-01T09:00:00Z' },
  { username: 'sarah_jones', email: 'sarah.jones@company.com', department: 'support', status: 'active', createdAt: '2023-07-15T09:00:00Z' },
  { username: 'mike_wilson', email: 'mike.wilson@company.com', department: 'support', status: 'active', createdAt: '2023-08-01T09:00:00Z' },
  { username: 'emily_brown', email: 'emily.brown@company.com', department: 'technical', status: 'active', createdAt: '2023-09-01T09:00:00Z' },
  { username: 'david_lee', email: 'david.lee@company.com', department: 'support', status: 'active', createdAt: '2023-10-01T09:00:00Z' },
  { username: 'lisa_garcia', email: 'lisa.garcia@company.com', department: 'finance', status: 'active', createdAt: '2023-11-01T09:00:00Z' },
  { username: 'james_taylor', email: 'james.taylor@company.com', department: 'support', status: 'active', createdAt: '2024-01-15T09:00:00Z' },
  { username: 'anna_martinez', email: 'anna.martinez@company.com', department: 'technical', status: 'active', createdAt: '2024-02-01T09:00:00Z' },
  { username: 'robert_johnson', email: 'robert.johnson@company.com', department: 'support', status: 'active', createdAt: '2024-03-01T09:00:00Z' },
  { username: 'maria_rodriguez', email: 'maria.rodriguez@company.com', department: 'support', status: 'active', createdAt: '2024-04-01T09:00:00Z' },
  { username: 'chris_anderson', email: 'chris.anderson@company.com', department: 'technical', status: 'active', createdAt: '2024-05-01T09:00:00Z' },
  { username: 'jessica_thomas', email: 'jessica.thomas@company.com', department: 'support', status: 'active', createdAt: '2024-06-01T09:00:00Z' },
  { username: 'daniel_white', email: 'daniel.white@company.com', department: 'finance', status: 'active', createdAt: '2024-07-01T09:00:00Z' },
  { username: 'olivia_harris', email: 'olivia.harris@company.com', department: 'support', status: 'active', createdAt: '2024-08-01T09:00:00Z' },
  { username: 'william_clark', email: 'william.clark@company.com', department: 'technical', status: 'active', createdAt: '2024-09-01T09:00:00Z' },
];

export const referenceTicketTypes: readonly ReferenceTicketType[] = [
  { name: 'Account Setup', department: 'support', priority: 'high', avgResolutionHours: 4 },
  { name: 'Billing Question', department: 'finance', priority: 'medium', avgResolutionHours: 6 },
  { name: 'Technical Issue', department: 'technical', priority: 'urgent', avgResolutionHours: 2 },
  { name: 'Feature Request', department: 'support', priority: 'low', avgResolutionHours: 48 },
  { name: 'Bug Report', department: 'technical', priority: 'high', avgResolutionHours: 8 },
  { name: 'Account Suspension', department: 'support', priority: 'urgent', avgResolutionHours: 1 },
  { name: 'Payment Failed', department: 'finance', priority: 'high', avgResolutionHours: 3 },
  { name: 'Integration Help', department: 'technical', priority: 'medium', avgResolutionHours: 12 },
  { name: 'General Question', department: 'support', priority: 'low', avgResolutionHours: 24 },
  { name: 'Performance Issue', department: 'technical', priority: 'high', avgResolutionHours: 6 },
  { name: 'Refund Request', department: 'finance', priority: 'medium', avgResolutionHours: 8 },
  { name: 'Account Upgrade', department: 'support', priority: 'medium', avgResolutionHours: 4 },
  { name: 'Security Concern', department: 'technical', priority: 'urgent', avgResolutionHours: 1 },
  { name: 'Data Export', department: 'support', priority: 'low', avgResolutionHours: 24 },
];
