import type { Page } from '@playwright/test';
import { baseUrl } from './browser';

export type InterviewFormValues = { company: string; date: string; contactEmail?: string; phone?: string };

/** Setup for tests about other pages: adds an in-person interview, 09:00–10:00, through the form; returns its id. */
export async function addInterviewThroughForm(page: Page, values: InterviewFormValues): Promise<string> {
  await page.goto(`${baseUrl}/interviews/new`);
  await page.getByLabel('Company').fill(values.company);
  await page.getByLabel('Role').fill('Data Engineer');
  await page.getByLabel('Date').fill(values.date);
  await page.getByLabel('Starts').fill('09:00');
  await page.getByLabel('Ends').fill('10:00');
  await page.getByLabel('Address').fill('1 Canada Square, London');
  await page.getByLabel('Travel time (minutes)').fill('30');
  await page.getByLabel('Name', { exact: true }).fill('Priya Shah');
  if (values.contactEmail) await page.getByLabel('Email', { exact: true }).fill(values.contactEmail);
  if (values.phone) await page.getByLabel('Phone (optional)').fill(values.phone);
  await page.getByRole('button', { name: 'Add interview' }).click();
  await page.waitForURL(/\/interviews\/[a-z0-9]{20,}$/);
  return new URL(page.url()).pathname.split('/').pop() ?? '';
}
