import { centreTeam, definePermissions } from "../shared/access.ts";

/**
 * Who may change competency frameworks and alignments. Reading a published framework is public.
 * Frameworks of the institute and of outside bodies are the secretariat's; a centre's admins
 * manage their centre's own frameworks.
 */
export const { can, requireAccess } = definePermissions({
  /** Frameworks owned by the institute or an outside body (UNESCO, a ministry), and crosswalks between any. */
  "framework.network": { roles: [] },
  /** A centre's own frameworks. */
  "framework.centre": { roles: ["centre_admin"] },
  /** Aligning a course, lesson, question, programme or event of an organisation to competencies. */
  "alignment.manage": { roles: [...centreTeam, "author"] },
});
