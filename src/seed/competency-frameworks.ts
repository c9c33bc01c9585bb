/**
 * The structure of two published competency frameworks for the demo, with their official names
 * and our own short descriptions (the frameworks' own texts are not copied), and an example
 * national framework that is clearly marked as made up. Names in other languages are given only
 * where the wording is certain; elsewhere the language is left missing and readers see English.
 */

type Texts = Partial<Record<"fr" | "es" | "ru" | "zh" | "ar", string>>;
export type DemoItem = { code: string; title: string; description?: string; level?: string; children?: DemoItem[] };
export type DemoFramework = {
  slug: string;
  title: string;
  titles: Texts;
  description: string;
  creator: string;
  licence: string;
  licenceUri?: string;
  officialSourceUrl?: string;
  levels: { code: string; name: string; names?: Texts }[];
  items: DemoItem[];
};

/**
 * UNESCO ICT Competency Framework for Teachers, version 3 (2018), CC BY-SA 3.0 IGO: six aspects
 * of teachers' work at three levels of knowledge, one competency in each cell (18).
 */
export const ictCft: DemoFramework = {
  slug: "unesco-ict-cft-v3",
  title: "UNESCO ICT Competency Framework for Teachers (version 3)",
  titles: {
    fr: "Référentiel UNESCO de compétences TIC pour les enseignants (version 3)",
    es: "Marco de competencias de los docentes en materia de TIC de la UNESCO (versión 3)",
    ru: "Структура ИКТ-компетентности учителей ЮНЕСКО (версия 3)",
  },
  description:
    "Structure only: six aspects of a teacher's work, each at three successive levels of knowledge, giving eighteen competencies. The short descriptions here are Orbis's own summaries; read the framework itself for its full text.",
  creator: "UNESCO",
  licence: "CC BY-SA 3.0 IGO",
  licenceUri: "https://creativecommons.org/licenses/by-sa/3.0/igo/",
  officialSourceUrl: "https://unesdoc.unesco.org/ark:/48223/pf0000265721",
  levels: [
    {
      code: "KA",
      name: "Knowledge Acquisition",
      names: {
        fr: "Acquisition de connaissances",
        es: "Adquisición de conocimientos",
        ru: "Приобретение знаний",
        zh: "知识获取",
        ar: "اكتساب المعرفة",
      },
    },
    {
      code: "KD",
      name: "Knowledge Deepening",
      names: {
        fr: "Approfondissement des connaissances",
        es: "Profundización de conocimientos",
        ru: "Углубление знаний",
        zh: "知识深化",
        ar: "تعميق المعرفة",
      },
    },
    {
      code: "KC",
      name: "Knowledge Creation",
      names: {
        fr: "Création de connaissances",
        es: "Creación de conocimientos",
        ru: "Создание знаний",
        zh: "知识创造",
        ar: "إنتاج المعرفة",
      },
    },
  ],
  items: [
    {
      code: "1",
      title: "Understanding ICT in Education Policy",
      description: "How national and institutional policy shapes the use of technology in teaching.",
      children: [
        {
          code: "1.1",
          level: "KA",
          title: "Policy Understanding",
          description: "Knows the policies that frame ICT in their classroom and school.",
        },
        {
          code: "1.2",
          level: "KD",
          title: "Policy Application",
          description: "Turns policy goals into classroom practice and school plans.",
        },
        { code: "1.3", level: "KC", title: "Policy Innovation", description: "Helps revise policy from what works in practice." },
      ],
    },
    {
      code: "2",
      title: "Curriculum and Assessment",
      description: "What is taught and how learning is assessed, with digital tools.",
      children: [
        {
          code: "2.1",
          level: "KA",
          title: "Basic Knowledge",
          description: "Links digital tools to the subject curriculum and its assessment.",
        },
        {
          code: "2.2",
          level: "KD",
          title: "Knowledge Application",
          description: "Uses technology for problem-based tasks and authentic assessment.",
        },
        {
          code: "2.3",
          level: "KC",
          title: "Knowledge Society Skills",
          description: "Builds learners' skills to create knowledge and keep learning.",
        },
      ],
    },
    {
      code: "3",
      title: "Pedagogy",
      description: "Teaching methods that technology supports.",
      children: [
        {
          code: "3.1",
          level: "KA",
          title: "ICT-Enhanced Teaching",
          description: "Uses technology to support ordinary teaching activities.",
        },
        {
          code: "3.2",
          level: "KD",
          title: "Complex Problem Solving",
          description: "Designs collaborative, project-based learning with digital tools.",
        },
        { code: "3.3", level: "KC", title: "Self-Management", description: "Helps learners plan, manage and evaluate their own learning." },
      ],
    },
    {
      code: "4",
      title: "Application of Digital Skills",
      description: "The teacher's own use of digital tools and resources.",
      children: [
        { code: "4.1", level: "KA", title: "Application", description: "Uses common hardware, software and online resources." },
        { code: "4.2", level: "KD", title: "Infusion", description: "Weaves a range of tools into learners' project work." },
        {
          code: "4.3",
          level: "KC",
          title: "Transformation",
          description: "Creates learning communities and environments with technology.",
        },
      ],
    },
    {
      code: "5",
      title: "Organization and Administration",
      description: "How classrooms, time and resources are organised.",
      children: [
        {
          code: "5.1",
          level: "KA",
          title: "Standard Classroom",
          description: "Organises the classroom so that technology serves all learners.",
        },
        { code: "5.2", level: "KD", title: "Collaborative Groups", description: "Runs flexible group work, in person and online." },
        { code: "5.3", level: "KC", title: "Learning Organizations", description: "Helps the school act as a learning organisation." },
      ],
    },
    {
      code: "6",
      title: "Teacher Professional Learning",
      description: "How teachers keep learning, with and about technology.",
      children: [
        { code: "6.1", level: "KA", title: "Digital Literacy", description: "Uses technology for their own professional learning." },
        { code: "6.2", level: "KD", title: "Networking", description: "Learns with colleagues through networks and communities." },
        { code: "6.3", level: "KC", title: "Teacher as Innovator", description: "Experiments, shares and leads innovation in teaching." },
      ],
    },
  ],
};

/** European Framework for the Digital Competence of Educators (DigCompEdu, JRC 2017): six areas, 22 competences, A1 to C2. */
export const digCompEdu: DemoFramework = {
  slug: "digcompedu",
  title: "European Framework for the Digital Competence of Educators (DigCompEdu)",
  titles: {
    fr: "Cadre européen pour la compétence numérique des enseignants (DigCompEdu)",
    es: "Marco Europeo para la Competencia Digital de los Educadores (DigCompEdu)",
  },
  description:
    "Structure only: six areas and twenty-two competences, with six proficiency levels from Newcomer (A1) to Pioneer (C2). Short descriptions are Orbis's own.",
  creator: "European Commission, Joint Research Centre",
  licence: "© European Union, 2017; reuse authorised provided the source is acknowledged",
  officialSourceUrl: "https://publications.jrc.ec.europa.eu/repository/handle/JRC107466",
  levels: [
    { code: "A1", name: "Newcomer" },
    { code: "A2", name: "Explorer" },
    { code: "B1", name: "Integrator" },
    { code: "B2", name: "Expert" },
    { code: "C1", name: "Leader" },
    { code: "C2", name: "Pioneer" },
  ],
  items: [
    {
      code: "1",
      title: "Professional Engagement",
      description: "Digital technologies in an educator's wider professional work.",
      children: [
        { code: "1.1", title: "Organisational communication" },
        { code: "1.2", title: "Professional collaboration" },
        { code: "1.3", title: "Reflective practice" },
        { code: "1.4", title: "Digital Continuous Professional Development" },
      ],
    },
    {
      code: "2",
      title: "Digital Resources",
      description: "Finding, making and sharing digital learning resources.",
      children: [
        { code: "2.1", title: "Selecting digital resources" },
        { code: "2.2", title: "Creating and modifying digital resources" },
        { code: "2.3", title: "Managing, protecting and sharing digital resources" },
      ],
    },
    {
      code: "3",
      title: "Teaching and Learning",
      description: "Designing and running teaching with digital tools.",
      children: [
        { code: "3.1", title: "Teaching" },
        { code: "3.2", title: "Guidance" },
        { code: "3.3", title: "Collaborative learning" },
        { code: "3.4", title: "Self-regulated learning" },
      ],
    },
    {
      code: "4",
      title: "Assessment",
      description: "Using digital tools and data to assess and give feedback.",
      children: [
        { code: "4.1", title: "Assessment strategies" },
        { code: "4.2", title: "Analysing evidence" },
        { code: "4.3", title: "Feedback and planning" },
      ],
    },
    {
      code: "5",
      title: "Empowering Learners",
      description: "Inclusion, personalisation and active engagement.",
      children: [
        { code: "5.1", title: "Accessibility and inclusion" },
        { code: "5.2", title: "Differentiation and personalisation" },
        { code: "5.3", title: "Actively engaging learners" },
      ],
    },
    {
      code: "6",
      title: "Facilitating Learners' Digital Competence",
      description: "Helping learners become digitally competent themselves.",
      children: [
        { code: "6.1", title: "Information and media literacy" },
        { code: "6.2", title: "Digital communication and collaboration" },
        { code: "6.3", title: "Digital content creation" },
        { code: "6.4", title: "Responsible use" },
        { code: "6.5", title: "Digital problem solving" },
      ],
    },
  ],
};

/** A made-up national framework, to show a crosswalk to ICT CFT: it is not any country's real framework. */
export const exampleNational: DemoFramework & {
  crosswalks: { code: string; kind: "exact" | "related" | "broader" | "narrower"; to: string }[];
} = {
  slug: "example-national-digital-competence",
  title: "Example national framework: digital competence of university teachers (demo, not an official framework)",
  titles: {},
  description:
    "A made-up framework in the demo data, to show how a national framework is crosswalked to UNESCO's ICT CFT. It is not the framework of any country.",
  creator: "Orbis demo data",
  licence: "CC0-1.0",
  levels: [
    { code: "B", name: "Basic" },
    { code: "A", name: "Advanced" },
  ],
  items: [
    { code: "N1", title: "Knows the national policy on digital education", level: "B" },
    { code: "N2", title: "Designs blended courses with digital resources", level: "B" },
    { code: "N3", title: "Leads collaborative online projects", level: "A" },
    { code: "N4", title: "Keeps learning through professional networks", level: "A" },
  ],
  crosswalks: [
    { code: "N1", kind: "exact", to: "1.1" },
    { code: "N2", kind: "related", to: "2.2" },
    { code: "N2", kind: "narrower", to: "3" },
    { code: "N3", kind: "exact", to: "3.2" },
    { code: "N4", kind: "broader", to: "6.2" },
  ],
};
