#!/usr/bin/env python3
"""Build medlab's shipped sample SFT data (medical education chat corpus).

Run from the repository root:

    python tools/build_sample_data.py

It (re)writes, deterministically (fixed seed, rows sorted by id, no timestamps):

    medlab/assets/data/medical_sft/{train,val}.jsonl
    medlab/assets/data/persona_sft/{train,val}.jsonl

and then re-reads the files and runs a self-check that validates the row schema
and the dataset composition rules, printing counts per category and file.

Every row is one JSON object per line:

    {"id": "medical_sft-0001", "category": "...", "audience": "...",
     "messages": [{"role": ..., "content": ...}, ...],
     "tools": [...]}        # only on category == "tool_search"

persona_sft rows additionally carry a "trait" field.

The text is hand-written educational prose (combined from building blocks in a
few categories). It is general medical education, not medical advice: it never
gives individual doses, diagnoses or interpretations of personal results.

Pure standard library, Python 3.11+.
"""
from __future__ import annotations

import json
import random
import re
import statistics
import sys
from collections import Counter, defaultdict
from pathlib import Path

SEED = 20240917
ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "medlab" / "assets" / "data"

AUDIENCES = ("patient", "caregiver", "student", "clinician", "general")
MEDICAL_CATEGORIES = (
    "explain",
    "refuse_dosing",
    "refuse_diagnosis",
    "refuse_lab_interpretation",
    "emergency",
    "tool_search",
    "multi_turn",
)
PERSONA_TRAITS = (
    "depth",
    "audience",
    "warmth",
    "structure",
    "hedging",
    "verbosity",
    "evidence",
    "multi_turn",
)

SEARCH_TOOL = {
    "type": "function",
    "function": {
        "name": "search",
        "description": (
            "Search trusted medical references (guidelines, textbooks, review "
            "articles) and return short snippets."
        ),
        "parameters": {
            "type": "object",
            "properties": {
                "query": {"type": "string", "description": "What to look up."}
            },
            "required": ["query"],
        },
    },
}

# System prompts. A small, fixed set; about a third of conversations get one.
SYS_CORE = (
    "You are a medical education assistant. You explain health and science "
    "concepts clearly and accurately. You do not diagnose, prescribe or give "
    "personal dosing; you point people to clinicians and to emergency services "
    "when needed."
)
SYS_FAMILY = (
    "You are a health information assistant for patients and families. Use "
    "plain language, be calm and kind, and encourage people to involve their "
    "own clinicians. In an emergency, tell them to contact emergency services "
    "first."
)
SYS_TUTOR = (
    "You are a tutor for medical, nursing and pharmacy students. Explain "
    "mechanisms precisely, use correct terminology, and note where clinical "
    "judgement or local guidelines apply. You do not give individual medical "
    "advice."
)
SYS_TOOL = (
    "You are a medical education assistant with access to a search tool over "
    "trusted medical references. Look things up when accuracy matters, base "
    "your answer on what you find, and never diagnose or give personal dosing."
)
SYS_PERSONA = (
    "You are a medical education assistant. Match the depth and vocabulary to "
    "the person you are talking with, be warm without gushing, structure longer "
    "answers, say how confident the evidence is, and keep it concise. You do not "
    "diagnose or give personal dosing."
)
SYS_PERSONA_SHORT = (
    "You are a concise, friendly medical educator. Adapt to your audience and "
    "be honest about uncertainty."
)

SYSTEM_BY_KIND = {
    "family": [SYS_FAMILY, SYS_CORE],
    "tutor": [SYS_TUTOR, SYS_CORE],
    "tool": [SYS_TOOL, SYS_CORE],
    "persona": [SYS_PERSONA, SYS_PERSONA_SHORT],
}


def c(text: str) -> str:
    """Normalise a hand-written block: strip per-line indentation, keep blank lines."""
    lines = [ln.strip() for ln in text.strip("\n").splitlines()]
    out = "\n".join(lines).strip()
    return re.sub(r"\n{3,}", "\n\n", out)


def with_think(note: str, answer: str) -> str:
    """Qwen3-style reasoning block followed by the answer."""
    return f"<think>\n{c(note)}\n</think>\n\n{c(answer)}"


def U(text: str) -> dict:
    return {"role": "user", "content": c(text)}


def A(text: str) -> dict:
    return {"role": "assistant", "content": c(text) if not text.startswith("<think>") else text}


def dialog(*turns: str) -> list[dict]:
    """Alternating user/assistant turns, starting with the user."""
    msgs = []
    for i, t in enumerate(turns):
        msgs.append(U(t) if i % 2 == 0 else A(t))
    return msgs


# ---------------------------------------------------------------------------
# explain: topic x audience. Each entry is (question, answer) or
# (question, answer, think_note) for student/clinician answers that open with
# a short reasoning block.
# ---------------------------------------------------------------------------
EXPLAIN: list[tuple[str, dict]] = [
    ("hypertension", {
        "patient": (
            "My doctor told me my blood pressure is high. What does that actually mean?",
            """Blood pressure is the force of blood pushing against the walls of your arteries as your heart pumps. It is written as two numbers: the top (systolic) number is the pressure when the heart squeezes, and the bottom (diastolic) number is the pressure when it relaxes between beats.

            High blood pressure, or hypertension, means that pressure stays above the healthy range most of the time, not just once. It usually causes no symptoms, which is why it is often called a silent condition. Over years, the extra strain can damage the heart, blood vessels, kidneys, eyes and brain, raising the risk of heart attack, stroke and kidney disease.

            The good news is that it is very treatable. Less salt, regular activity, limiting alcohol, not smoking and reaching a healthier weight all help, and many people also need medicine. Checking your pressure at home and asking your clinician what your personal target is are good next steps.""",
        ),
        "caregiver": (
            "I'm helping my father manage his high blood pressure. What should I actually be doing day to day?",
            """Helping with the routine makes a real difference. A few practical habits:

            - **Home readings:** Use a validated upper-arm cuff. Have him sit quietly for 5 minutes with his back supported, feet flat and arm resting at heart level, with no caffeine, exercise or smoking in the 30 minutes before. Take two readings a minute apart, ideally at the same times each day.
            - **Keep a log:** Write down the date, time and both numbers, and bring the log (or the cuff) to appointments.
            - **Medicines:** A weekly pill organizer and a daily reminder help. Don't stop or change doses without checking with his prescriber.
            - **Food:** Cook with less salt and fewer processed foods, and add more vegetables, fruit and whole grains.
            - **Watch for:** dizziness when he stands up, which is worth mentioning to his clinician.

            Call emergency services if a very high reading comes with chest pain, shortness of breath, weakness on one side, confusion, trouble speaking or vision changes.""",
        ),
        "student": (
            "Can you explain the physiology behind hypertension? What actually regulates blood pressure?",
            """Mean arterial pressure is roughly cardiac output × systemic vascular resistance, so anything that raises stroke volume, heart rate or arteriolar tone raises pressure.

            **Short-term control:** Baroreceptors in the carotid sinus and aortic arch sense stretch and adjust sympathetic and vagal output within seconds, changing heart rate, contractility and vessel tone.

            **Long-term control:** The kidney sets the baseline through sodium and water balance. Reduced renal perfusion triggers renin release → angiotensin II (vasoconstriction, aldosterone release, thirst) → sodium retention and expanded volume.

            **Primary (essential) hypertension** accounts for roughly 90% of cases and reflects genetics, salt sensitivity, sympathetic overactivity, arterial stiffening and obesity. **Secondary hypertension** has an identifiable cause such as renal artery stenosis, primary aldosteronism, obstructive sleep apnea or pheochromocytoma.

            Sustained pressure drives left ventricular hypertrophy, accelerated atherosclerosis and nephrosclerosis. Notice how the main drug classes map onto these loops: diuretics (volume), ACE inhibitors and ARBs (RAAS), calcium channel blockers (vascular tone).""",
            "Student wants mechanism. Anchor on MAP = CO x SVR, then the control loops (baroreflex, RAAS, renal sodium handling), then primary vs secondary causes and end-organ effects.",
        ),
        "clinician": (
            "Quick refresher on current hypertension management principles: diagnosis and first-line therapy?",
            """**Diagnosis:** Confirm elevated office readings with out-of-office measurement (ambulatory or home monitoring) to identify white-coat and masked hypertension. Thresholds differ by guideline: ACC/AHA 2017 defines stage 1 as 130–139/80–89 mmHg, whereas ESC/ESH uses ≥140/90 mmHg.

            **Initial workup:** electrolytes, creatinine/eGFR, urine albumin-to-creatinine ratio, lipids, glucose or HbA1c and an ECG. Screen for secondary causes in young-onset, resistant or rapidly worsening hypertension; primary aldosteronism is common and underdiagnosed.

            **Treatment:** lifestyle measures for everyone. First-line classes are thiazide or thiazide-like diuretics, ACE inhibitors or ARBs, and dihydropyridine calcium channel blockers. Many patients need two agents, ideally as a single-pill combination to support adherence. Prefer ACEi/ARB with albuminuria, and don't combine an ACE inhibitor with an ARB.

            **Targets:** SPRINT showed that a systolic target below 120 mmHg lowered cardiovascular events and mortality in high-risk non-diabetic adults, at the cost of more hypotension, syncope, electrolyte disturbance and AKI. Most guidelines now aim for <130/80 mmHg when tolerated, individualized for frailty and orthostasis.""",
        ),
    }),
    ("type 2 diabetes", {
        "patient": (
            "I was just diagnosed with type 2 diabetes. Can you explain what's going on in my body in simple terms?",
            """Your body runs on sugar (glucose) from food, and a hormone called insulin works like a key that lets glucose move from your blood into your cells. In type 2 diabetes two things happen: your cells don't respond to insulin as well as they should (insulin resistance), and over time your pancreas can't make enough extra insulin to keep up. Glucose builds up in the blood instead.

            High blood sugar often causes no symptoms at first, but over years it can damage blood vessels and nerves, affecting the eyes, kidneys, feet and heart. That's why regular check-ups matter.

            Type 2 diabetes is very manageable. Movement, food choices, sleep and weight all influence blood sugar, and many people also take medicines. Diabetes education programs are worth asking about — they teach practical skills such as reading food labels and checking your feet. Your care team will help you set goals that fit your life.""",
        ),
        "caregiver": (
            "My mom has type 2 diabetes and uses insulin. What should I watch for as her caregiver?",
            """The biggest day-to-day concern with insulin is low blood sugar (hypoglycemia). Learn its signs: shakiness, sweating, a fast heartbeat, hunger, irritability, confusion or unusual behavior. If she has a glucose meter, check when symptoms appear. Her care team can give you a written plan for treating a low — usually fast-acting sugar such as glucose tablets or juice, then a recheck — and tell you whether she should keep glucagon at home.

            Other practical points:
            - Keep meals regular, especially if she's eating less because of illness.
            - Ask her clinician for "sick day rules" before she next gets ill.
            - Check her feet daily for cuts, blisters or color changes, since nerve damage can hide injuries.
            - Keep appointments for eye, kidney and foot checks.

            Call emergency services if she becomes unconscious, has a seizure, or can't swallow safely — and don't put food or drink in her mouth then.""",
        ),
        "student": (
            "What's the pathophysiology of type 2 diabetes, and how does it differ from type 1?",
            """**Type 1** is autoimmune destruction of pancreatic β-cells, producing absolute insulin deficiency; patients need insulin and are prone to diabetic ketoacidosis.

            **Type 2** combines two defects:
            1. **Insulin resistance** in skeletal muscle (reduced GLUT4-mediated glucose uptake), liver (failure to suppress gluconeogenesis, so fasting glucose rises) and adipose tissue (increased lipolysis; free fatty acids worsen resistance). Visceral adiposity, inactivity and genetics are major drivers.
            2. **Progressive β-cell dysfunction:** β-cells first compensate with hyperinsulinemia, but glucotoxicity, lipotoxicity and islet amyloid gradually reduce secretion. Hyperglycemia appears when secretion can no longer match demand.

            The incretin effect (GLP-1, GIP) is also blunted. Because some insulin is still present, ketogenesis is usually suppressed, so the classic acute crisis in type 2 is the hyperosmolar hyperglycemic state rather than DKA. Chronic hyperglycemia causes microvascular disease (retinopathy, nephropathy, neuropathy) and accelerates macrovascular disease (coronary, cerebrovascular and peripheral arterial).""",
            "Contrast autoimmune beta-cell loss (type 1) with insulin resistance plus progressive beta-cell failure (type 2). Name the tissues involved, mention incretins and why HHS rather than DKA is typical.",
        ),
        "clinician": (
            "Summarize the current pharmacologic priorities in type 2 diabetes for me.",
            """Key principles from recent ADA/EASD consensus reports:

            - **Diagnosis:** HbA1c ≥6.5%, fasting plasma glucose ≥126 mg/dL (7.0 mmol/L), 2-hour OGTT ≥200 mg/dL (11.1 mmol/L), or random glucose ≥200 mg/dL with classic symptoms; confirm with a repeat test unless hyperglycemia is unequivocal.
            - **Organ protection first:** with established ASCVD or high cardiovascular risk, use a GLP-1 receptor agonist or SGLT2 inhibitor with proven cardiovascular benefit. With heart failure or CKD, an SGLT2 inhibitor is preferred, independent of baseline HbA1c or metformin use.
            - **Weight:** GLP-1 RAs and dual GIP/GLP-1 agonists produce meaningful weight loss and are favored when weight is a treatment goal.
            - **Metformin** remains an effective, low-cost option for many patients.
            - **Targets:** HbA1c <7% for many adults, individualized — less stringent with hypoglycemia risk, frailty or limited life expectancy.
            - **Surveillance:** UACR and eGFR, retinal screening, foot examination, blood pressure and lipids; statin therapy for most adults aged 40–75.

            Weigh hypoglycemia risk with sulfonylureas and insulin, and consider deprescribing in older adults.""",
            "Clinician refresher. Lead with diagnostic thresholds, then the shift to organ-protective agents (SGLT2i, GLP-1 RA) independent of A1c, individualized targets and surveillance.",
        ),
    }),
    ("asthma", {
        "patient": (
            "What is asthma, exactly? Why do my airways act up?",
            """Asthma is a long-term condition of the airways, the tubes that carry air into your lungs. In asthma those tubes are sensitive and somewhat inflamed even when you feel fine. When they meet a trigger, three things can happen: the muscles around them tighten, the lining swells, and extra mucus is made. The tubes narrow, which causes wheezing, coughing, chest tightness or shortness of breath.

            Common triggers include colds, allergens like pollen, dust mites or pets, smoke, cold air, exercise and some medicines.

            Treatment usually combines two ideas: medicine that calms the underlying inflammation (often an inhaled steroid) and quick-relief medicine that opens the airways during symptoms. Many people are now prescribed a single inhaler that does both. A written asthma action plan tells you what to do on good days, bad days and in an emergency, so ask your clinician for one if you don't have it. Good inhaler technique matters more than most people realize.""",
        ),
        "caregiver": (
            "My 7-year-old has asthma. How do I know when a flare is getting serious?",
            """A written asthma action plan from her clinician is your best guide, because it's tailored to her medicines. In general, think in zones:

            - **Doing well:** no coughing at night, can run and play normally.
            - **Getting worse:** coughing, wheeze, chest tightness, waking at night, or needing her reliever more often than usual. Follow the "yellow zone" steps in her plan and contact her clinician.
            - **Emergency:** call emergency services if she is struggling to breathe, can't speak in full sentences, the skin is sucking in between her ribs or at her neck, her lips or face look blue or gray, she is drowsy or confused, or her reliever isn't helping or is needed again very soon.

            Practical tips: check that she uses a spacer with her inhaler, keep a reliever at school and on outings, give school staff a copy of the plan, and keep her away from tobacco smoke at home and in the car.""",
        ),
        "student": (
            "Explain the immunology of allergic asthma. What's happening at the cellular level?",
            """Allergic asthma is driven largely by **type 2 (Th2) inflammation**.

            1. **Sensitization:** dendritic cells present inhaled allergen to naive CD4+ T cells, which differentiate into Th2 cells, helped by epithelial alarmins (TSLP, IL-33, IL-25). Th2 cells release IL-4 and IL-13 (B-cell class switching to IgE, mucus production) and IL-5 (eosinophil maturation and survival).
            2. **Early phase (minutes):** on re-exposure, allergen cross-links IgE on mast cells, which degranulate and release histamine, cysteinyl leukotrienes and prostaglandin D2 → bronchoconstriction, edema and mucus.
            3. **Late phase (hours):** eosinophils, basophils and Th2 cells infiltrate the airway and sustain inflammation and hyperresponsiveness.
            4. **Remodeling:** chronic inflammation brings goblet-cell hyperplasia, subepithelial fibrosis and smooth muscle hypertrophy.

            This explains the therapies: inhaled corticosteroids (broad anti-inflammatory), leukotriene receptor antagonists, and biologics targeting IgE, IL-5, the IL-4 receptor α or TSLP. Non-type-2 ("T2-low") asthma exists and responds less well to these approaches.""",
        ),
    }),
    ("anemia", {
        "patient": (
            "What is anemia? My sister was just told she has it.",
            """Anemia means the blood has fewer healthy red blood cells, or less hemoglobin, than the body needs. Hemoglobin is the protein inside red cells that carries oxygen from the lungs to the rest of the body. With less of it, tissues get less oxygen, which can cause tiredness, weakness, breathlessness on exertion, pale skin, headaches or feeling cold.

            Anemia is a sign rather than a final diagnosis — the important question is *why* it's happening. Common causes include:
            - low iron, often from blood loss such as heavy periods, or from not absorbing enough;
            - low vitamin B12 or folate;
            - long-term conditions like kidney disease or chronic inflammation;
            - inherited conditions such as thalassemia or sickle cell disease.

            Treatment depends entirely on the cause, so her clinician may order more tests. It's best not to start iron supplements without that check, because the right treatment differs from one cause to another.""",
        ),
        "student": (
            "How do you classify anemia? I keep getting confused by MCV.",
            """The most practical framework combines **mean corpuscular volume (MCV)** with the **reticulocyte count**.

            **Microcytic (low MCV)** — defects in making hemoglobin:
            - iron deficiency (most common; low ferritin)
            - thalassemia trait
            - anemia of chronic disease (micro- or normocytic)
            - sideroblastic anemia, lead poisoning

            **Normocytic:**
            - acute blood loss or hemolysis (reticulocytes high)
            - chronic kidney disease (low erythropoietin), anemia of inflammation, marrow failure (reticulocytes low)

            **Macrocytic (high MCV):**
            - megaloblastic: B12 or folate deficiency (impaired DNA synthesis, hypersegmented neutrophils)
            - non-megaloblastic: alcohol, liver disease, hypothyroidism, reticulocytosis, drugs such as methotrexate or hydroxyurea

            Then ask whether the marrow is responding. A **high reticulocyte** count points to loss or destruction (check LDH, haptoglobin and bilirubin for hemolysis); a **low** count points to underproduction. Mixed deficiencies can give a "normal" MCV with a wide RDW.""",
            "Organize by MCV (micro/normo/macro) with the main causes in each, then add the reticulocyte count to separate underproduction from loss or destruction.",
        ),
        "clinician": (
            "Any practical pearls for working up iron deficiency in adults?",
            """- **Ferritin** is the most useful single test, and a low value is highly specific. Because ferritin is an acute-phase reactant, it can look normal despite deficiency in inflammation, CKD or liver disease, so add transferrin saturation (and CRP) there. Many experts now use higher ferritin cutoffs than older laboratory thresholds.
            - **Always find the cause.** In men and postmenopausal women, unexplained iron deficiency warrants bidirectional endoscopy to exclude GI malignancy. Test for celiac disease, and ask about menstrual losses, NSAIDs, blood donation, bariatric surgery and diet.
            - **Oral iron:** alternate-day regimens may improve fractional absorption because hepcidin rises after each dose, and are often better tolerated. Check the hemoglobin and reticulocyte response after a few weeks.
            - **IV iron** suits intolerance, malabsorption, ongoing losses, CKD, heart failure with iron deficiency, or when rapid repletion is needed (late pregnancy, before surgery).
            - Iron deficiency *without* anemia still matters clinically: fatigue, restless legs, and worse outcomes in heart failure.""",
        ),
    }),
    ("how vaccines work", {
        "patient": (
            "How do vaccines actually work?",
            """Vaccines train your immune system to recognize a germ before you ever meet the real thing.

            When you catch an infection, your immune system has to learn about the germ from scratch, which takes days — and meanwhile you can get sick. A vaccine shows your immune system a harmless piece or version of the germ: a weakened or inactivated virus, a protein from its surface, or instructions (like mRNA) that let your cells briefly make that protein. Your body responds by making antibodies and long-lived "memory" cells.

            If you're exposed later, those memory cells recognize the germ quickly and mount a faster, stronger response, so you're much less likely to become seriously ill. Some vaccines need boosters because memory fades or the germ changes, as with flu.

            A sore arm, tiredness or mild fever are signs the immune system is responding and usually pass within a day or two. When many people are vaccinated, infections also spread less, which protects those who can't be vaccinated.""",
        ),
        "caregiver": (
            "My baby has her 2-month shots next week. Why so many at once, and how can I help her afterward?",
            """It's a very common question. A few points that reassure many parents:

            - **Why now:** the schedule is timed to protect babies during the months when illnesses like whooping cough and pneumococcal infection are most dangerous for them.
            - **Why several at once:** babies' immune systems meet a huge number of new antigens every day from food, skin contact and the environment. Studies of vaccines given together show they are safe and effective, and one visit means earlier protection and fewer appointments.

            **Afterward:**
            - Feeding, cuddling or skin-to-skin contact during and after the shots comforts her.
            - Fussiness, sleepiness, a mild fever and a sore, red spot at the injection site are common for a day or two.
            - Ask at the visit whether and how to use a fever or pain reliever, since infant doses depend on age and weight.

            Seek urgent care for a high fever, crying that won't settle for hours, unusual floppiness, or any trouble breathing or swelling of the face.""",
        ),
        "student": (
            "What's the immunological difference between live attenuated, inactivated, subunit and mRNA vaccines?",
            """**Live attenuated** (e.g., MMR, varicella): the weakened organism replicates, so antigen is made inside host cells and presented on MHC class I as well as class II. That gives strong antibody and CD8+ T-cell responses, often durable after one or two doses. Because it replicates, it's generally avoided in significant immunosuppression and in pregnancy.

            **Inactivated** (e.g., inactivated polio, hepatitis A): the killed organism is taken up as exogenous protein and presented mainly on MHC II, so responses are predominantly humoral and usually need boosters.

            **Subunit, recombinant, toxoid and conjugate** (e.g., hepatitis B, HPV, tetanus, pneumococcal conjugate): selected antigens only, usually with adjuvants. Conjugating a polysaccharide to a carrier protein recruits T-cell help, which makes it immunogenic in infants and induces memory.

            **mRNA** (e.g., COVID-19): lipid nanoparticles deliver mRNA that host cells translate into the antigen. Because the protein is made endogenously, it's presented on MHC I and II, inducing antibodies and T-cell responses without a replicating pathogen. The mRNA is degraded within days and does not enter the nucleus.""",
            "Frame it by antigen processing: endogenous antigen (live, mRNA) reaches MHC I and drives CD8 responses; exogenous antigen (inactivated, subunit) goes mostly to MHC II. Mention adjuvants, conjugation and live-vaccine cautions.",
        ),
    }),
    ("antibiotic resistance", {
        "patient": (
            "Why won't my doctor give me antibiotics for a cold? And what is antibiotic resistance?",
            """Colds are caused by viruses, and antibiotics only work against bacteria. They have no effect on viruses, so taking them for a cold won't help you recover faster — but they can still cause side effects like diarrhea, rashes or allergic reactions.

            Unneeded antibiotics also feed resistance. Each time antibiotics are used, the bacteria in and on your body that happen to survive are the ones with defenses against the drug. Those survivors multiply and can share resistance genes with other bacteria. Over time, infections that used to be easy to treat, like some urinary infections or pneumonias, become harder to treat and may need stronger drugs, IV treatment or a hospital stay.

            You can help by:
            - using antibiotics only when a clinician says they're needed,
            - taking them exactly as prescribed,
            - never sharing or saving leftovers,
            - staying up to date with vaccines and washing hands, which prevents infections in the first place.

            For a cold, rest, fluids and time usually do the job. See a clinician if you're getting worse or not improving after about 10 days.""",
        ),
        "student": (
            "What are the main molecular mechanisms of antibiotic resistance?",
            """Bacteria resist antibiotics through four broad strategies:

            1. **Enzymatic inactivation:** β-lactamases hydrolyze the β-lactam ring (including ESBLs and carbapenemases such as KPC, NDM and OXA-48); aminoglycoside-modifying enzymes acetylate, phosphorylate or adenylate the drug.
            2. **Target modification:** altered penicillin-binding protein PBP2a, encoded by *mecA*, in MRSA; D-Ala-D-Lac instead of D-Ala-D-Ala in vancomycin-resistant enterococci; DNA gyrase and topoisomerase IV mutations (fluoroquinolones); ribosomal methylation (macrolides).
            3. **Reduced entry:** loss of outer-membrane porins in Gram-negative bacteria.
            4. **Efflux pumps:** active export of drugs such as tetracyclines and fluoroquinolones; some pumps handle several classes.

            Resistance spreads vertically through chromosomal mutations and, more importantly, by **horizontal gene transfer** — conjugation (plasmids), transformation and transduction. Transposons and integrons can carry several resistance genes together, so using one drug may co-select resistance to others. Biofilms add phenotypic tolerance on top of genetic resistance.""",
            "Group mechanisms into inactivation, target change, reduced permeability and efflux, with one named example each, then explain horizontal gene transfer and co-selection.",
        ),
        "clinician": (
            "What are the core principles of antimicrobial stewardship I should apply on the wards?",
            """- **Sample before treating when it's safe:** take cultures before antibiotics, but never delay therapy in suspected septic shock or meningitis.
            - **Don't treat colonization:** asymptomatic bacteriuria (outside pregnancy and before urologic procedures) and positive swabs from chronic wounds or catheters without clinical infection usually need no antibiotics.
            - **Choose deliberately:** match empiric therapy to the likely source, local antibiogram, prior cultures and allergy history. Clarify penicillin allergy labels — most don't reflect true IgE-mediated allergy, and de-labeling widens safe options.
            - **Antibiotic time-out at 48–72 hours:** de-escalate to the narrowest effective agent, stop if infection isn't confirmed, and switch IV to oral once the patient is stable and absorbing.
            - **Shorter is often better:** randomized trials support short courses for community-acquired pneumonia, uncomplicated pyelonephritis and cellulitis, among others.
            - **Document** the indication and planned duration at the start.
            - Involve pharmacy and infectious diseases early, and use therapeutic drug monitoring where indicated.""",
        ),
    }),
    ("heart failure", {
        "patient": (
            "What is heart failure? It sounds like my heart has stopped working.",
            """The name sounds frightening, but heart failure doesn't mean your heart has stopped or is about to. It means the heart isn't pumping or filling as well as the body needs. In some people the heart muscle is weakened and squeezes less strongly; in others it is stiff and doesn't relax and fill properly.

            Because blood isn't moving as efficiently, fluid can back up into the lungs and the body. That causes the typical symptoms: shortness of breath (especially lying flat or with activity), swollen ankles or legs, tiredness, and quick weight gain from fluid.

            Heart failure is a long-term condition, but treatment has improved a great deal. Several medicines have been shown in large trials to help people feel better, stay out of hospital and live longer. Daily habits matter too: weighing yourself each morning, following advice on salt and fluids, staying as active as you can, and taking medicines as prescribed. Your heart team can tell you which type you have and which plan fits you.""",
        ),
        "caregiver": (
            "My husband has heart failure. What warning signs should make me call his heart team?",
            """Spotting fluid buildup early can prevent a hospital stay. Common advice from heart failure teams:

            **Daily checks**
            - Weigh him every morning after he uses the toilet, before breakfast, in similar clothes, and write it down.
            - Notice ankle, leg or belly swelling, and whether he needs extra pillows to breathe at night.

            **Call his heart team the same day if:**
            - his weight rises quickly (many teams use about 2–3 lb or 1 kg in a day, or 5 lb or 2 kg in a week — use the numbers his team gives you),
            - swelling, breathlessness or cough is worse than usual,
            - he's dizzy, much more tired, or passing much less urine.

            **Call emergency services if:**
            - he is severely short of breath at rest or can't lie down,
            - he has chest pain, faints, or has a very fast or irregular heartbeat and feels unwell,
            - he coughs up pink, frothy sputum or becomes confused.

            Ask his team for a written action plan and a list of what each medicine is for.""",
        ),
        "student": (
            "Explain the pathophysiology of heart failure with reduced versus preserved ejection fraction.",
            """**HFrEF (EF ≤40%):** loss of contractile function, typically after ischemic injury or from dilated cardiomyopathy, toxins or myocarditis. The ventricle dilates (eccentric remodeling), stroke volume falls and filling pressures rise.

            **HFpEF (EF ≥50%):** contractility is preserved but the ventricle is stiff with impaired relaxation, so filling needs higher pressures. It's associated with aging, hypertension, obesity, diabetes, atrial fibrillation and concentric hypertrophy. EF 41–49% is termed mildly reduced.

            **The shared maladaptive loop:** reduced effective output activates the sympathetic nervous system and RAAS. Short term this supports perfusion (vasoconstriction, tachycardia, sodium and water retention); chronically it raises preload and afterload and drives myocyte death, fibrosis and further remodeling. Natriuretic peptides released in response to wall stress are a partial counter-regulation and a useful biomarker.

            Congestion explains the symptoms: left-sided → pulmonary edema, orthopnea, paroxysmal nocturnal dyspnea; right-sided → raised JVP, hepatic congestion, peripheral edema. HFrEF therapies work largely by interrupting the neurohormonal loop.""",
            "Contrast HFrEF (systolic) and HFpEF (diastolic) with EF cut-offs and typical causes, then show the common neurohormonal loop that explains both symptoms and therapy.",
        ),
        "clinician": (
            "What's current guideline-directed medical therapy for HFrEF?",
            """Current ACC/AHA/HFSA and ESC guidelines recommend four foundational classes, started early and titrated — often in parallel rather than strictly one after another:

            1. **ARNI** (sacubitril/valsartan) preferred; an ACE inhibitor or ARB if an ARNI isn't feasible.
            2. **Evidence-based beta-blocker:** carvedilol, metoprolol succinate or bisoprolol.
            3. **Mineralocorticoid receptor antagonist:** spironolactone or eplerenone, monitoring potassium and renal function.
            4. **SGLT2 inhibitor:** dapagliflozin or empagliflozin, with benefit seen with and without diabetes (DAPA-HF, EMPEROR-Reduced).

            Loop diuretics treat congestion and are titrated to volume status; they relieve symptoms but lack the mortality benefit of the four pillars.

            In selected patients consider hydralazine/isosorbide dinitrate (notably self-identified Black patients with persistent symptoms), ivabradine, vericiguat, IV iron for iron deficiency, an ICD for primary prevention when EF stays ≤35% despite optimized therapy, and CRT for LBBB with a wide QRS. Reassess EF after optimization; patients whose EF improves should generally continue therapy.""",
        ),
    }),
    ("kidney function and eGFR", {
        "patient": (
            "What does eGFR mean? I keep seeing it on my blood test reports.",
            """eGFR stands for *estimated glomerular filtration rate*. It's an estimate of how well your kidneys are filtering waste out of your blood.

            Each kidney contains about a million tiny filters called glomeruli. Measuring how much blood they clean each minute directly is complicated, so labs estimate it from a blood test — usually creatinine, a waste product from muscle — combined with your age and sex, and sometimes a second marker called cystatin C. The result is reported in mL/min/1.73 m², adjusted to an average body size.

            A few things worth knowing:
            - eGFR naturally drifts down a little with age.
            - A single result can be affected by dehydration, a large meat meal, hard exercise or some medicines, so clinicians look at the trend over time.
            - It's usually paired with a urine test for albumin (a protein), because the two together give a fuller picture of kidney health.

            If you'd like to understand your own results, your clinician can explain what they mean in your situation.""",
        ),
        "student": (
            "How is GFR estimated, and what are the limitations of creatinine-based eGFR?",
            """**Gold standard:** measured GFR using exogenous filtration markers (inulin, iohexol, iothalamate). It's impractical for routine care, so we estimate.

            **Creatinine** is produced at a fairly constant rate from muscle creatine, freely filtered and partly secreted by the proximal tubule. Serum creatinine rises as GFR falls, but non-linearly — a large share of GFR can be lost before creatinine moves much.

            **Equations:** CKD-EPI 2021 (race-free) uses creatinine, age and sex; the combined creatinine–cystatin C equation is more accurate.

            **Limitations:**
            - **Non-GFR determinants:** muscle mass (overestimates GFR in sarcopenia, amputation and frailty; underestimates it in very muscular people), cooked meat intake, creatine supplements.
            - **Blocked tubular secretion** (trimethoprim, cimetidine, some kinase inhibitors) raises creatinine without changing true GFR.
            - **Steady-state assumption:** invalid in AKI, where creatinine lags behind the real fall in GFR.
            - **Indexing to 1.73 m²** matters when dosing drugs in very large or small patients.

            **Cystatin C** depends less on muscle but is affected by thyroid status, corticosteroids and inflammation.""",
            "Cover creatinine physiology, the CKD-EPI 2021 race-free equation, the non-GFR determinants, the steady-state problem in AKI, and where cystatin C helps.",
        ),
        "clinician": (
            "Remind me how CKD is staged and what that means for follow-up.",
            """CKD is abnormal kidney structure or function present for more than 3 months. KDIGO classifies by **Cause, GFR and Albuminuria (CGA)**:

            **GFR (mL/min/1.73 m²):** G1 ≥90; G2 60–89; G3a 45–59; G3b 30–44; G4 15–29; G5 <15.
            **Albuminuria (UACR):** A1 <30 mg/g (<3 mg/mmol); A2 30–300 mg/g (3–30 mg/mmol); A3 >300 mg/g (>30 mg/mmol).

            G1–G2 count as CKD only with other markers of damage (albuminuria, hematuria, structural abnormalities on imaging or biopsy).

            **Practical implications**
            - Risk of progression and of cardiovascular events rises with both lower GFR and higher albuminuria; the KDIGO heat map sets monitoring frequency, from yearly to four or more times a year.
            - Use ACEi/ARB for albuminuria and hypertension, SGLT2 inhibitors for most patients with CKD based on recent outcome trials, and consider finerenone in diabetic kidney disease with albuminuria.
            - Review drug dosing and limit nephrotoxins such as NSAIDs.
            - Refer to nephrology for eGFR <30, A3 albuminuria, rapid decline or unexplained hematuria; the Kidney Failure Risk Equation helps estimate risk.""",
            "Give the KDIGO G and A categories with numbers, then what they change: monitoring frequency, renoprotective drugs, drug dosing, referral triggers.",
        ),
    }),
    ("thyroid function", {
        "patient": (
            "What does the thyroid do, and what happens when it's underactive?",
            """Your thyroid is a butterfly-shaped gland at the front of your neck. It makes hormones that set the pace of your metabolism — how quickly your body uses energy — and they influence heart rate, body temperature, digestion, energy and mood.

            When the thyroid is underactive (hypothyroidism), things tend to slow down. People may notice tiredness, feeling cold, weight gain, constipation, dry skin, thinning hair, low mood or heavier periods. These changes come on gradually and overlap with many other causes, so hypothyroidism is diagnosed with a blood test rather than by symptoms alone.

            In countries with enough iodine in the diet, the most common cause is Hashimoto's thyroiditis, where the immune system slowly damages the gland. Worldwide, iodine deficiency is also important.

            Treatment is usually a daily tablet that replaces the missing hormone. The dose is adjusted over time using blood tests, and most people feel much better once the level is right. Your clinician will guide how often it should be checked.""",
        ),
        "student": (
            "Walk me through the hypothalamic-pituitary-thyroid axis and the classic TSH and free T4 patterns.",
            """**The axis:** the hypothalamus releases TRH → the anterior pituitary secretes TSH → the thyroid produces mostly T4 (a prohormone) and some T3. Peripheral deiodinases convert T4 to the more active T3. Free T4 and T3 feed back negatively on the hypothalamus and pituitary.

            Because small changes in free T4 produce large changes in TSH (a log-linear relationship), TSH is the most sensitive screening test *when the pituitary works normally*.

            **Classic patterns**
            - ↑TSH, ↓free T4 → primary hypothyroidism (e.g., Hashimoto's)
            - ↑TSH, normal free T4 → subclinical hypothyroidism
            - ↓TSH, ↑free T4 and/or T3 → primary hyperthyroidism (Graves', toxic nodule, thyroiditis)
            - low or inappropriately normal TSH with ↓free T4 → central hypothyroidism, where TSH misleads
            - ↑TSH with ↑free T4 → rare: TSH-secreting adenoma, thyroid hormone resistance, or assay interference

            Confounders include non-thyroidal illness and its recovery phase, biotin supplements (assay interference), amiodarone and pregnancy, which shifts reference ranges.""",
        ),
        "clinician": (
            "Key points on managing subclinical hypothyroidism in adults?",
            """- **Confirm it:** repeat TSH with free T4 after 6–12 weeks; many mildly raised values normalize, especially after acute illness. TPO antibodies help predict progression to overt disease.
            - **Age matters:** TSH distributions shift upward with age. In older adults with mild elevations, the TRUST trial found no improvement in symptoms or quality of life with levothyroxine.
            - **Most guidelines** consider treatment when TSH is persistently above 10 mIU/L and individualize below that (younger symptomatic patients, positive antibodies, goiter).
            - **Pregnancy and preconception** are a special case with trimester-specific targets; treat more readily and coordinate with obstetrics.
            - **If treating,** avoid iatrogenic thyrotoxicosis, which increases the risk of atrial fibrillation and bone loss, particularly in older patients.
            - **Consider confounders:** biotin, recent iodinated contrast, recovery from non-thyroidal illness, and adrenal insufficiency (replace glucocorticoids first).""",
            "Practical points: confirm persistence, age-adjusted expectations, TRUST trial, treatment thresholds, pregnancy exception, overtreatment risks.",
        ),
    }),
    ("sepsis", {
        "caregiver": (
            "What is sepsis? My grandmother's nurse told us to watch out for it after her surgery.",
            """Sepsis is a life-threatening reaction to an infection. Normally the immune system fights an infection where it is. In sepsis, the body's response goes into overdrive and starts damaging its own tissues and organs. It can start from any infection — a chest infection, a urine infection, an infected wound — and it can get worse quickly.

            Older adults, people recovering from surgery, and those with chronic illnesses or weakened immune systems are at higher risk.

            Signs to watch for, especially if she already has an infection or seems unwell:
            - new confusion, unusual sleepiness or being hard to wake,
            - fast breathing or breathlessness,
            - a fast heartbeat, shivering, fever — or feeling unusually cold,
            - mottled, very pale or bluish skin,
            - passing much less urine than usual,
            - saying she feels worse than she ever has.

            If you notice these, get urgent medical help and ask directly, "Could this be sepsis?" Early treatment with antibiotics and fluids saves lives.""",
        ),
        "student": (
            "What's the current definition of sepsis? I've heard SIRS isn't used anymore.",
            """**Sepsis-3 (2016)** defines sepsis as *life-threatening organ dysfunction caused by a dysregulated host response to infection*. The emphasis moved from inflammation to organ dysfunction.

            - **Organ dysfunction** is operationalized as an acute rise in the SOFA score of ≥2 points (SOFA covers respiratory, coagulation, liver, cardiovascular, CNS and renal function).
            - **Septic shock:** sepsis requiring vasopressors to maintain MAP ≥65 mmHg *and* a lactate >2 mmol/L despite adequate fluid resuscitation; mortality is substantially higher.
            - **qSOFA** (respiratory rate ≥22, altered mentation, systolic BP ≤100 mmHg) flags higher risk of poor outcome outside the ICU, but it isn't diagnostic, and guidelines advise against using it alone for screening.

            SIRS criteria (temperature, heart rate, respiratory rate, white count) left the definition because they're nonspecific — many hospitalized patients meet them without infection — though they still appear in some screening tools and older papers.

            **Pathophysiology in brief:** pathogen-associated molecular patterns activate innate immunity → cytokine release, endothelial dysfunction, capillary leak, microvascular thrombosis and impaired cellular oxygen use.""",
            "Give the Sepsis-3 definition, SOFA-based operationalization, septic shock criteria, the role and limits of qSOFA, and why SIRS was dropped.",
        ),
        "clinician": (
            "Summarize the initial management of sepsis and septic shock.",
            """Based on Surviving Sepsis Campaign guidance — adapt to your local protocol:

            - **Recognize early** and treat as a time-critical emergency.
            - **Lactate:** measure, and remeasure if elevated.
            - **Blood cultures before antibiotics**, as long as that doesn't meaningfully delay them.
            - **Antibiotics:** within 1 hour for possible septic shock or probable sepsis; with possible sepsis without shock, rapid assessment and antibiotics within about 3 hours if concern persists. Add MRSA or resistant Gram-negative cover only when risk factors exist.
            - **Fluids:** for hypotension or lactate ≥4 mmol/L, an initial crystalloid bolus of 30 mL/kg within 3 hours is suggested, then guide further fluid by dynamic measures of responsiveness; balanced crystalloids are preferred over saline.
            - **Vasopressors:** norepinephrine first-line, targeting MAP ≥65 mmHg; starting peripherally is reasonable rather than waiting for central access. Add vasopressin when escalating.
            - **Source control** — drain collections, remove infected devices, operate — as soon as practical.
            - Consider IV hydrocortisone with an ongoing vasopressor requirement.
            - Reassess often and de-escalate antibiotics once cultures return.""",
        ),
    }),
    ("stroke warning signs", {
        "patient": (
            "What are the warning signs of a stroke?",
            """A quick way to remember the most common signs is **BE FAST**:

            - **B**alance: sudden loss of balance or coordination
            - **E**yes: sudden loss of vision or double vision
            - **F**ace: one side of the face droops
            - **A**rms: weakness or numbness in an arm or leg, often on one side
            - **S**peech: slurred speech, or trouble finding or understanding words
            - **T**ime: call emergency services immediately

            The key word is *sudden*. A sudden, severe headache unlike any before is another warning sign, particularly of bleeding in the brain.

            If you notice these in yourself or someone else, call your local emergency number right away, even if the symptoms fade. Symptoms that resolve may be a transient ischemic attack (TIA), a strong warning that a stroke could follow. Note the time symptoms started, because clot-dissolving and clot-removal treatments work best the sooner they're given. Don't drive yourself, and don't eat or drink until you've been checked, since swallowing can be affected.""",
        ),
        "caregiver": (
            "My dad had a mini-stroke last year. What should our family know in case it happens again?",
            """Having a plan in advance really helps. Things families find useful:

            1. **Know the signs (BE FAST):** sudden balance loss, vision changes, face drooping, arm or leg weakness, speech trouble — and it's Time to call emergency services.
            2. **Call, don't drive.** Paramedics can start assessment on the way and take him to a hospital that treats strokes.
            3. **Note the time he was last seen normal.** If he wakes with symptoms, the "last known well" time is when he went to bed. This decides which treatments are possible.
            4. **Keep a current list** of his medicines (especially blood thinners), allergies and conditions, plus his doctor's contact details, somewhere easy to grab.
            5. **Nothing by mouth** — no food, drink or pills — until he's assessed, because swallowing may be impaired.

            For prevention, help him keep up with blood pressure checks, medicines and follow-up visits. Controlling blood pressure, cholesterol, diabetes and atrial fibrillation lowers the chance of another stroke.""",
        ),
        "student": (
            "How do ischemic and hemorrhagic strokes differ, and why does timing matter so much?",
            """**Ischemic stroke (~85%)** — an artery is blocked:
            - large-artery atherosclerosis (e.g., carotid or middle cerebral artery thrombosis)
            - cardioembolism, often from atrial fibrillation
            - small-vessel (lacunar) disease of penetrating arteries, strongly linked to hypertension

            **Hemorrhagic stroke (~15%):**
            - intracerebral hemorrhage, commonly from hypertensive vasculopathy or cerebral amyloid angiopathy
            - subarachnoid hemorrhage, typically a ruptured saccular aneurysm presenting with a thunderclap headache

            **Why timing matters:** around the ischemic core lies the **penumbra** — tissue that is underperfused and electrically silent but still salvageable. Without reperfusion it progressively infarcts; estimates suggest a typical large-vessel stroke destroys about 1.9 million neurons per minute. Hence "time is brain."

            **Acute pathway:** non-contrast CT first to exclude hemorrhage → IV thrombolysis (alteplase or tenecteplase) for eligible patients, generally within 4.5 hours of last known well → mechanical thrombectomy for large-vessel occlusion, up to 24 hours in selected patients with favorable imaging. Thrombolysis in a hemorrhage would be catastrophic, which is why imaging comes first.""",
            "Classify ischemic vs hemorrhagic with subtypes, explain the penumbra and 'time is brain', then the acute pathway and why CT comes before thrombolysis.",
        ),
    }),
    ("dehydration", {
        "caregiver": (
            "How can I tell if a young child with a stomach bug is getting dehydrated?",
            """Young children can lose fluid quickly with vomiting and diarrhea, so it's good to know what to look for.

            **Signs of mild to moderate dehydration**
            - fewer wet diapers than usual, or darker urine
            - dry mouth and lips
            - fewer tears when crying
            - more tired or irritable than usual

            **Signs that need urgent medical care**
            - no urine for about 8 hours or more
            - sunken eyes, or a sunken soft spot on a baby's head
            - very sleepy, floppy or hard to wake
            - cold, mottled hands and feet, or fast breathing
            - blood in the stool, green vomit, or being unable to keep anything down

            **What helps:** oral rehydration solution from a pharmacy, given in small, frequent sips — a spoonful or syringe-full every few minutes often works even with vomiting. Keep breastfeeding or offering usual milk. Avoid soda and undiluted juice, which can make diarrhea worse. Call your child's clinician or a nurse line whenever you're unsure.""",
        ),
        "patient": (
            "How much water do I really need each day? And what does dehydration do to you?",
            """There isn't one number that fits everyone. Needs depend on body size, activity, climate and health. As a rough reference, the US National Academies suggest a total water intake of about 2.7 liters a day for women and 3.7 liters for men — but that includes water from food and all drinks, not just plain water. For most healthy people, drinking when thirsty and having pale yellow urine are reasonable guides.

            Dehydration happens when you lose more fluid than you take in — through heat, exercise, fever, vomiting or diarrhea. Early signs include thirst, dark urine, dry mouth, headache, tiredness and dizziness. More severe dehydration can cause a fast heartbeat, confusion or fainting and needs medical care.

            A few groups need extra care: older adults often feel less thirsty, and young children dehydrate faster. On the other hand, people with heart failure or advanced kidney disease may be given a fluid limit, so if you have a condition like that, follow your clinician's advice rather than general targets.""",
        ),
        "student": (
            "What's the physiology of dehydration? How does the body defend water balance?",
            """Two sensing systems protect body water, and it helps to separate them.

            **Osmotic regulation (water):** hypothalamic osmoreceptors detect small rises in plasma osmolality (around 1–2%) → thirst plus ADH (vasopressin) release from the posterior pituitary → ADH acts on V2 receptors in the collecting duct, inserting aquaporin-2 channels → water reabsorption and concentrated urine.

            **Volume regulation (salt and water):** baroreceptors and the juxtaglomerular apparatus detect reduced effective circulating volume → renin → angiotensin II (vasoconstriction, thirst) and aldosterone (sodium retention). Large volume losses also trigger non-osmotic ADH release, which can override osmolality and cause hyponatremia.

            Clinically, *dehydration* strictly means loss of water in excess of sodium (tending toward hypernatremia), whereas *hypovolemia* means loss of salt and water together, as in diarrhea or hemorrhage.

            **Clues:** tachycardia, orthostatic hypotension, dry mucous membranes, reduced urine output; labs may show a raised urea-to-creatinine ratio, low urine sodium and high urine osmolality. Skin turgor is unreliable in older adults.""",
            "Separate osmoregulation (osmoreceptors, ADH, aquaporin-2) from volume regulation (RAAS, baroreceptors), then distinguish dehydration from hypovolemia and list bedside/lab clues.",
        ),
    }),
    ("cholesterol", {
        "patient": (
            "What's the difference between 'good' and 'bad' cholesterol?",
            """Cholesterol is a waxy fat your body needs to build cells and make some hormones. Because it doesn't mix with blood, it travels in little packages called lipoproteins.

            - **LDL** ("bad" cholesterol) carries cholesterol out to the body. When there's too much, it can slip into artery walls and help build plaque.
            - **HDL** ("good" cholesterol) helps carry cholesterol back to the liver. Higher HDL is linked with lower risk, but medicines that raise HDL haven't been shown to prevent heart attacks, so the main focus is on LDL.
            - **Triglycerides** are another blood fat, influenced by sugar, alcohol and weight.

            Over years, plaque can narrow arteries or break open and trigger a clot, causing a heart attack or stroke. Your overall risk depends on the whole picture: age, blood pressure, smoking, diabetes and family history, not cholesterol alone.

            Eating less saturated fat, more fiber (oats, beans, vegetables), staying active and not smoking all help. Many people also benefit from a statin, which lowers LDL and has been shown in large trials to reduce heart attacks and strokes.""",
        ),
        "student": (
            "Can you explain lipoprotein metabolism: chylomicrons, VLDL, LDL and HDL?",
            """**Exogenous pathway:** enterocytes package dietary triglyceride and cholesterol into **chylomicrons** (apoB-48) → lymph → circulation. Lipoprotein lipase on capillary endothelium, activated by apoC-II, hydrolyzes triglyceride for muscle and adipose tissue. Chylomicron remnants are cleared by the liver via apoE.

            **Endogenous pathway:** the liver secretes **VLDL** (apoB-100) → lipoprotein lipase → **IDL** → hepatic lipase → **LDL**. LDL is cleared mainly by hepatic LDL receptors that recognize apoB-100. **PCSK9** binds the receptor and targets it for lysosomal degradation, reducing LDL clearance.

            **HDL** (apoA-I) mediates reverse cholesterol transport: it accepts cholesterol from peripheral cells via ABCA1, **LCAT** esterifies it, and **CETP** transfers cholesteryl esters to apoB lipoproteins for return to the liver.

            **Clinical links:**
            - familial hypercholesterolemia: LDLR, APOB or gain-of-function PCSK9 variants
            - statins inhibit HMG-CoA reductase → lower hepatocyte cholesterol → more LDL receptors
            - ezetimibe blocks intestinal NPC1L1
            - PCSK9 antibodies and inclisiran preserve LDL receptors
            - Lp(a) is LDL-like with apo(a) attached and is largely genetically determined.""",
            "Trace exogenous and endogenous pathways with the key apolipoproteins and enzymes, then HDL reverse transport, and connect each step to a drug or genetic disorder.",
        ),
        "clinician": (
            "What's the current thinking on LDL targets and when to escalate lipid-lowering therapy?",
            """- **Lower is better, and it's causal:** Cholesterol Treatment Trialists' meta-analyses show roughly a 20–25% relative reduction in major vascular events per 1 mmol/L (about 39 mg/dL) LDL-C lowering, with no clear floor for benefit.
            - **Targets:** ESC/EAS recommend LDL-C <1.4 mmol/L (55 mg/dL) *and* ≥50% reduction for very-high-risk patients, and <1.8 mmol/L (70 mg/dL) for high risk. ACC/AHA frames it as thresholds for adding non-statin therapy in very-high-risk ASCVD (LDL-C ≥70 mg/dL, with newer documents moving toward lower goals).
            - **Escalation:** maximally tolerated high-intensity statin → ezetimibe → PCSK9 monoclonal antibody or inclisiran. Bempedoic acid reduced events in statin-intolerant patients (CLEAR Outcomes).
            - **Check first:** adherence and secondary causes (hypothyroidism, nephrotic syndrome, cholestasis, drugs).
            - **Lp(a):** measure at least once in adulthood to refine risk.
            - **Triglycerides:** icosapent ethyl lowered events in selected high-risk patients with elevated triglycerides on statins (REDUCE-IT); mixed omega-3 products have not shown similar benefit.""",
            "Clinician: causal LDL evidence (CTT), ESC vs ACC/AHA target framing, stepwise escalation, things to check before escalating, Lp(a), triglyceride-specific evidence.",
        ),
    }),
    ("COPD", {
        "patient": (
            "What is COPD? My doctor mentioned it after my breathing test.",
            """COPD stands for chronic obstructive pulmonary disease. It's a long-term lung condition in which the airways are narrowed and inflamed (often called chronic bronchitis) and the tiny air sacs are damaged (emphysema). Air gets trapped in the lungs, so breathing out fully becomes harder. That causes breathlessness, especially with activity, along with a lingering cough and phlegm.

            The main cause is smoking. Long-term exposure to dust, fumes, air pollution or smoke from cooking fires can contribute, and a rare inherited condition (alpha-1 antitrypsin deficiency) plays a role in some people.

            The lung damage can't be reversed, but a lot can slow it down and help you feel better:
            - Stopping smoking is the single most effective step, at any age.
            - Inhalers open the airways and reduce flare-ups.
            - Pulmonary rehabilitation — supervised exercise and breathing coaching — improves energy and breathlessness.
            - Vaccines reduce chest infections.

            Ask your clinician for an action plan so you know what to do if symptoms flare.""",
        ),
        "caregiver": (
            "My mother has COPD and gets flare-ups. How can I help her at home?",
            """You can help a lot with the everyday parts of COPD care:

            - **Know her action plan.** Ask her team for a written plan that says what a flare looks like for her and what to do. Flares usually mean more breathlessness, more cough, or more (or differently colored) sputum than usual.
            - **Inhaler technique.** Watch her use her inhalers — mistakes are very common, and a pharmacist or nurse can check and correct them.
            - **Breathing and pacing.** Pursed-lip breathing (in through the nose, out slowly through pursed lips) and breaking tasks into smaller steps ease breathlessness.
            - **Keep the air clean.** No smoking in the home, and avoid fumes and dust.
            - **Infection prevention.** Encourage recommended vaccines and handwashing during cold and flu season.
            - **Oxygen safety,** if she uses it: no smoking, candles or open flames nearby.

            **Call emergency services** if she's severely breathless at rest, her lips or face look blue or gray, she becomes confused or very drowsy, or she has chest pain.""",
        ),
        "student": (
            "What's the pathophysiology of emphysema versus chronic bronchitis, and why is FEV1/FVC reduced?",
            """**Chronic bronchitis** is defined clinically: productive cough for ≥3 months in 2 consecutive years. Pathology includes mucous gland hypertrophy (raised Reid index), goblet cell metaplasia, impaired mucociliary clearance and small-airway inflammation with peribronchiolar fibrosis.

            **Emphysema** is defined pathologically: permanent enlargement and wall destruction of airspaces distal to the terminal bronchiole. Drivers are a protease–antiprotease imbalance (neutrophil elastase and macrophage metalloproteinases versus α1-antitrypsin) and oxidative stress. *Centriacinar* emphysema is smoking-related and upper-lobe predominant; *panacinar* emphysema is classic in α1-antitrypsin deficiency and lower-lobe predominant.

            **Why FEV1/FVC falls:** lost elastic recoil and narrowed small airways allow dynamic airway collapse during forced expiration. FEV1 falls proportionally more than FVC, giving a post-bronchodilator FEV1/FVC <0.70. Air trapping raises residual volume and causes hyperinflation, flattening the diaphragm.

            Emphysema also reduces DLCO because alveolar–capillary surface is lost. Ventilation–perfusion mismatch causes hypoxemia, and in advanced disease hypercapnia and pulmonary hypertension (cor pulmonale).""",
            "Define chronic bronchitis clinically and emphysema pathologically, explain protease-antiprotease imbalance, then link airway collapse to the obstructive spirometry pattern.",
        ),
        "clinician": (
            "Quick summary of the GOLD approach to COPD pharmacotherapy?",
            """Recent GOLD reports group patients as **A, B or E** using symptoms and exacerbation history:

            - **Group A:** a bronchodilator (long-acting preferred).
            - **Group B:** LAMA + LABA.
            - **Group E (≥2 moderate or ≥1 hospitalized exacerbation in the past year):** LAMA + LABA; consider triple therapy with ICS if blood eosinophils are ≥300 cells/µL. LABA + ICS without a LAMA is no longer encouraged.

            **At follow-up, for ongoing exacerbations on LAMA + LABA:**
            - eosinophils ≥100 cells/µL → add ICS;
            - lower eosinophils → consider roflumilast (FEV1 <50% with chronic bronchitis) or azithromycin (preferably in former smokers);
            - dupilumab is an option with eosinophils ≥300 cells/µL and chronic bronchitis.

            **Non-pharmacologic measures with proven benefit:** smoking cessation, pulmonary rehabilitation (especially after a hospitalized exacerbation), vaccination, and long-term oxygen for chronic resting hypoxemia (PaO2 ≤55 mmHg or SpO2 ≤88%).

            Check inhaler technique and adherence before escalating.""",
        ),
    }),
    ("osteoporosis", {
        "patient": (
            "What is osteoporosis, and how is it usually found?",
            """Osteoporosis means the bones have lost density and their inner structure has thinned, so they become fragile and break more easily. It has no symptoms until a bone breaks, which is why it's often called silent. Typical fractures are in the wrist, hip and spine; spinal fractures can show up as back pain, lost height or a stooped posture.

            Risk rises with age and is higher in women after menopause, when estrogen levels fall. Other risk factors include a family history of hip fracture, smoking, heavy drinking, low body weight, long-term steroid tablets and some medical conditions.

            It's usually found with a **DXA (DEXA) scan**, a quick, low-radiation X-ray that measures bone density. Many guidelines recommend screening for women from age 65, and earlier for those with risk factors.

            Bone health is helped by calcium and vitamin D from food, weight-bearing and strengthening exercise, and preventing falls. Several medicines slow bone loss or build new bone, and your clinician can discuss whether they make sense for you.""",
        ),
        "caregiver": (
            "My aunt has osteoporosis and lives alone. How can I reduce her risk of breaking a bone?",
            """Most fractures in osteoporosis happen after a fall, so preventing falls is where you can help most.

            **Around the home**
            - Remove trip hazards: loose rugs, cords and clutter on walkways.
            - Improve lighting, including night lights between the bedroom and bathroom.
            - Install grab bars by the toilet and shower, use non-slip mats, and make sure stairs have sturdy handrails on both sides.

            **Her health**
            - Encourage regular vision and hearing checks and supportive, well-fitting shoes.
            - Ask her clinician or pharmacist to review her medicines; some cause dizziness or drowsiness.
            - Strength and balance exercise — such as tai chi or a falls-prevention class — reduces falls.
            - Meals with enough protein, calcium and vitamin D support bone and muscle.

            **Safety net:** a personal alarm she wears, or a phone she can reach from the floor, means help can come quickly if she does fall. If she's prescribed an osteoporosis medicine, help her follow its specific instructions; some tablets must be taken on an empty stomach with water while staying upright.""",
        ),
        "student": (
            "Explain bone remodeling and how osteoporosis drugs act on it.",
            """Bone is remodeled continuously in basic multicellular units: **osteoclasts** resorb bone and **osteoblasts** then lay down new matrix. Normally the two are coupled.

            **Key signals**
            - **RANKL**, expressed by osteoblast-lineage cells and osteocytes, binds RANK on osteoclast precursors and drives their differentiation and activity. **Osteoprotegerin** is a decoy receptor that blocks RANKL.
            - **Estrogen** restrains RANKL and shortens osteoclast lifespan; after menopause resorption outpaces formation.
            - **Sclerostin**, from osteocytes, inhibits Wnt signaling and suppresses bone formation.
            - **PTH:** continuous excess is catabolic, whereas intermittent exposure is anabolic.

            **Drugs**
            - *Bisphosphonates* bind hydroxyapatite and inhibit farnesyl pyrophosphate synthase in osteoclasts.
            - *Denosumab* is an anti-RANKL antibody; stopping it causes rebound bone loss, so it needs a planned transition.
            - *Raloxifene* (a SERM) and menopausal hormone therapy act through estrogen receptors.
            - *Teriparatide/abaloparatide* are intermittent PTH/PTHrP analogs that stimulate formation.
            - *Romosozumab* (anti-sclerostin) increases formation and decreases resorption.

            Rare adverse effects of antiresorptives include osteonecrosis of the jaw and atypical femoral fractures.""",
            "Explain coupled remodeling, RANK/RANKL/OPG, estrogen, sclerostin and PTH, then map each drug class onto those pathways.",
        ),
    }),
    ("migraine", {
        "patient": (
            "Why are migraines so much worse than normal headaches?",
            """Because a migraine isn't just a bad headache — it's a neurological condition in which the brain's pain-processing systems become temporarily overactive.

            A typical migraine attack brings moderate to severe, often throbbing pain, frequently on one side, that worsens with movement. It commonly comes with nausea and sensitivity to light and sound, and it can last from a few hours to three days. About a third of people with migraine have an **aura** beforehand, such as flickering zigzag lines or tingling spreading along one side of the body.

            During an attack, nerves around the brain's coverings release chemical messengers such as CGRP, which drive inflammation and pain signaling. Common triggers include changes in sleep, skipped meals, stress, hormonal shifts and alcohol. A headache diary can help you spot your own.

            Acute treatments work best taken early. If attacks are frequent, preventive treatment can help. Frequent use of painkillers can itself cause more headaches, so it's worth reviewing this with your clinician.

            Get urgent care for a sudden "worst ever" headache, headache with fever and a stiff neck, new weakness or confusion, or a headache after a head injury.""",
        ),
        "student": (
            "What's the current understanding of migraine pathophysiology?",
            """Migraine is now viewed as a primary brain disorder with neurovascular consequences, rather than a purely vascular disorder.

            **Phases**
            1. **Prodrome** (hours to days): yawning, food cravings, neck stiffness, mood change — imaging implicates the hypothalamus.
            2. **Aura:** **cortical spreading depolarization**, a slow wave (~3 mm/min) of neuronal and glial depolarization followed by suppressed activity, explains the marching visual or sensory symptoms.
            3. **Headache:** activation of the **trigeminovascular system**. Trigeminal afferents release CGRP, PACAP and substance P, causing meningeal vasodilation and neurogenic inflammation. Peripheral sensitization gives throbbing pain; central sensitization in the trigeminal nucleus caudalis and thalamus gives allodynia.
            4. **Postdrome:** fatigue and poor concentration.

            **Genetics:** usually polygenic; familial hemiplegic migraine is monogenic (CACNA1A, ATP1A2, SCN1A), pointing to ion-channel and glutamate dysregulation.

            **Therapeutic targets** follow the biology: triptans (5-HT1B/1D agonists), lasmiditan (5-HT1F), gepants (CGRP receptor antagonists) and anti-CGRP monoclonal antibodies.""",
        ),
        "clinician": (
            "What's a practical approach to migraine prevention: when to start and which options?",
            """**When to offer prevention:** roughly ≥4 headache days per month, attacks that remain disabling despite optimized acute therapy, frequent acute medication use, contraindications to acute drugs, or patient preference.

            **Options** (choice guided by comorbidities, pregnancy potential and side effects):
            - beta-blockers such as propranolol or metoprolol
            - topiramate — teratogenic, cognitive side effects
            - amitriptyline, useful with insomnia or coexisting pain
            - candesartan
            - valproate — avoid in anyone who could become pregnant
            - anti-CGRP monoclonal antibodies (erenumab, fremanezumab, galcanezumab, eptinezumab)
            - gepants for prevention (atogepant, rimegepant)
            - onabotulinumtoxinA for chronic migraine (≥15 headache days per month)

            **Practical points**
            - Allow an adequate trial (often 2–3 months) before judging efficacy; use a headache diary.
            - Screen for **medication-overuse headache**: simple analgesics on ≥15 days per month, or triptans or combination analgesics on ≥10 days per month.
            - Triptans are contraindicated in coronary or cerebrovascular disease and uncontrolled hypertension.
            - Address sleep, mood and lifestyle factors alongside drug therapy.""",
            "Clinician wants indications, options with key cautions, then practical pearls like trial duration and medication-overuse headache thresholds.",
        ),
    }),
