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
    ("depression", {
        "patient": (
            "How do I know the difference between feeling sad and actually being depressed?",
            """Sadness is a normal response to loss, disappointment or stress. It usually eases with time, and you can still enjoy some things and feel better on some days.

            Depression is a health condition, not a weakness. Clinicians think about depression when, for at least two weeks and most of the day, nearly every day, someone has low mood or a clear loss of interest or pleasure in things they usually enjoy, along with several other changes, such as:
            - sleeping much more or much less,
            - changes in appetite or weight,
            - low energy, or feeling slowed down or restless,
            - trouble concentrating or making decisions,
            - feelings of worthlessness or excessive guilt,
            - thoughts of death or suicide.

            The other key feature is that it gets in the way of daily life — work, relationships, looking after yourself.

            Depression is common and treatable. Talking therapies, medicines, exercise and social support all help, and many people use a combination. A primary care clinician is a good first step. If you ever have thoughts of ending your life, contact a crisis line or emergency services right away.""",
        ),
        "caregiver": (
            "My teenage son seems depressed. How can I support him?",
            """It's good that you're paying attention — parents' support matters a lot.

            **Open the door gently**
            - Choose a calm moment, say what you've noticed ("You've seemed really down lately"), and ask how he's doing.
            - Listen more than you talk. Avoid fixing, minimizing ("everyone feels like that") or lecturing.
            - Let him know you're not angry and that depression is a real, treatable condition.

            **Get help involved**
            - Book a visit with his doctor or a mental health professional, and offer to go with him.
            - Let school counselors know if he's comfortable with that.

            **Everyday support**
            - Keep routines for sleep, meals and some physical activity.
            - Stay connected through low-pressure time together — a drive, a walk, a shared show.

            **Safety**
            - It's okay to ask directly, "Are you having thoughts of hurting yourself or ending your life?" Asking does not put the idea in someone's head.
            - Lock away medicines, and firearms if present.
            - If he talks about suicide or you're worried about his immediate safety, call a crisis line or emergency services now.""",
        ),
        "student": (
            "What are the main biological models of major depressive disorder?",
            """No single model explains major depressive disorder; current thinking integrates several.

            - **Monoamine hypothesis:** reduced serotonergic, noradrenergic or dopaminergic signaling. It explains why monoaminergic antidepressants work, but not why the clinical effect takes weeks when transporter blockade is immediate, and recent reviews don't support a simple "serotonin deficiency."
            - **Neuroplasticity/neurotrophic model:** stress and depression are associated with reduced BDNF, dendritic atrophy and smaller hippocampal volume; antidepressants, exercise and ketamine appear to promote synaptogenesis.
            - **Glutamatergic model:** ketamine, an NMDA receptor antagonist, produces rapid antidepressant effects, implicating glutamate signaling.
            - **HPA axis dysregulation:** raised cortisol and impaired negative feedback in a subset of patients.
            - **Inflammation:** raised cytokines (IL-6, TNF-α, CRP) in a subgroup; interferon therapy can induce depressive symptoms.
            - **Circuit models:** altered connectivity between prefrontal cortex, anterior cingulate, amygdala and reward circuitry.

            Genetics is polygenic (heritability about 35%), and environmental factors such as early-life adversity interact with it. This heterogeneity is one reason individual responses to treatment vary so much.""",
            "Survey the main models with one strength and one limitation each: monoamine, neurotrophic, glutamate, HPA, inflammation, circuits, plus genetics.",
        ),
    }),
    ("sleep hygiene", {
        "patient": (
            "I have trouble falling asleep. What actually counts as good sleep hygiene?",
            """Sleep hygiene means the habits and surroundings that make it easier for your body to fall asleep and stay asleep. The ones with the most support:

            - **Keep a regular schedule.** Get up at the same time every day, weekends included. A fixed wake time is the anchor for your body clock.
            - **Get morning light** and some daytime activity; both strengthen your natural sleep–wake rhythm.
            - **Watch caffeine and alcohol.** Caffeine can linger for many hours, so avoid it after early afternoon. Alcohol may help you nod off but fragments sleep later in the night.
            - **Wind down.** Spend the last half hour or so on something calm with dim light. Screens are less of a problem than the stimulating content on them.
            - **Make the bedroom cool, dark and quiet,** and use the bed mainly for sleep.
            - **Don't lie awake for long.** If you can't sleep after what feels like 20 minutes, get up, do something quiet, and return when sleepy.

            If trouble sleeping lasts more than a few weeks, talk to a clinician. Cognitive behavioral therapy for insomnia (CBT-I) works well and is recommended before sleeping pills for long-term insomnia.""",
        ),
        "caregiver": (
            "My elderly father with dementia is up all night and sleeps during the day. Any practical tips?",
            """Sleep–wake reversal is very common in dementia and exhausting for caregivers. Things that often help:

            **During the day**
            - Bright light in the morning: open curtains, sit by a window, or go outside.
            - Keep him engaged and active — a walk, simple chores, visitors — and limit daytime naps to a short one in the early afternoon.
            - Cut back on caffeine, especially after lunch.

            **In the evening**
            - A predictable, calm routine: the same order of washing, changing and a familiar activity.
            - Reduce noise and busy TV programs; dim the lights.
            - Offer the bathroom before bed to reduce night waking.

            **At night**
            - Night lights help with orientation and prevent falls.
            - If he wakes, respond calmly and briefly; arguing tends to increase agitation.

            **Check with his clinician** about pain, constipation, urinary problems, low mood, or medicines that could be disrupting sleep. Sleeping pills and sedating antihistamines can increase confusion and falls in older adults, so avoid them unless his clinician advises otherwise.

            Your own rest matters too — ask about respite care or overnight help.""",
        ),
        "student": (
            "How is sleep regulated physiologically? What's the two-process model?",
            """The **two-process model** (Borbély) describes sleep timing as the interaction of two systems.

            **Process S — homeostatic sleep pressure.** Sleep drive builds the longer you are awake and dissipates during sleep. Extracellular **adenosine**, a by-product of neural energy use, accumulates in the basal forebrain and promotes sleepiness; caffeine works by blocking adenosine receptors.

            **Process C — circadian rhythm.** The **suprachiasmatic nucleus** of the hypothalamus is the master clock, entrained mainly by light via melanopsin-containing retinal ganglion cells. Molecularly, a transcription–translation feedback loop (CLOCK/BMAL1 driving PER and CRY, which inhibit them) runs on a cycle of about 24 hours. The SCN promotes wakefulness during the biological day and, through the pineal gland, **melatonin** secretion in darkness.

            Sleep comes most easily when high sleep pressure coincides with the circadian night.

            **Sleep architecture:** NREM stages N1–N3 (N3 is slow-wave sleep, concentrated early in the night) alternate with REM sleep in ~90-minute cycles, with REM periods lengthening toward morning. Wake-promoting systems (orexin, noradrenergic, histaminergic, cholinergic) and sleep-promoting GABAergic neurons of the ventrolateral preoptic nucleus inhibit each other in a "flip-flop" switch.""",
        ),
    }),
    ("drug half-life", {
        "patient": (
            "What does a drug's 'half-life' mean?",
            """A drug's half-life is the time it takes for the amount of that drug in your blood to fall by half.

            Imagine a medicine with a half-life of 6 hours. Six hours after it reaches its peak, half is left; after another 6 hours, a quarter; after another 6, an eighth, and so on. After about four to five half-lives, almost all of it has gone.

            Half-life helps explain several everyday things about medicines:
            - **How often you take it.** Drugs with short half-lives often need several doses a day; long half-life drugs may be once a day or less often.
            - **Why some take time to work fully.** With regular dosing, it takes about four to five half-lives for levels to settle at a steady state.
            - **Why effects can linger** after you stop a medicine.

            Half-life isn't fixed for everyone. Age, liver and kidney function, and other medicines can lengthen or shorten it — one reason doses are tailored by prescribers and pharmacists, and why it's worth asking them before changing how you take anything.""",
        ),
        "student": (
            "Can you explain half-life, volume of distribution and clearance, and how they relate?",
            """The three are linked by one relationship:

            **t½ = (0.693 × Vd) / CL**

            - **Clearance (CL)** is the volume of plasma cleared of drug per unit time. It's the main determinant of the maintenance dose rate needed to reach a given steady-state concentration.
            - **Volume of distribution (Vd)** is a proportionality constant linking the amount of drug in the body to plasma concentration. A large Vd (lipophilic, tissue-bound drugs) means most drug sits outside plasma; it determines the loading dose.
            - **Half-life** is therefore a *dependent* variable: it lengthens if Vd increases or clearance decreases.

            **Implications for first-order kinetics**
            - Steady state is reached after ~4–5 half-lives regardless of dose; a loading dose gets there faster.
            - Elimination is ~94–97% complete after 4–5 half-lives.
            - Two drugs can share a half-life for different reasons, such as high Vd with high clearance versus low Vd with low clearance.

            **Exceptions:** some drugs (e.g., phenytoin, ethanol at typical concentrations) show saturable, zero-order elimination, where a constant *amount* is removed per unit time and small dose changes can cause disproportionate rises in concentration.""",
            "Give the t1/2 = 0.693 Vd/CL relationship, explain why half-life is a dependent variable, then steady state, loading dose logic and zero-order exceptions.",
        ),
        "clinician": (
            "Which patient factors most often alter pharmacokinetics in practice?",
            """A pragmatic checklist:

            - **Renal function:** reduced clearance of renally excreted drugs and active metabolites (e.g., DOACs, gabapentinoids, many antibiotics, morphine-6-glucuronide). Use a current creatinine clearance or eGFR as the drug label specifies, and remember creatinine-based estimates are unreliable in AKI and at extremes of muscle mass.
            - **Hepatic function:** cirrhosis reduces metabolism and first-pass extraction, raising oral bioavailability of high-extraction drugs; Child-Pugh class guides labeled adjustments.
            - **Age:** lower renal clearance, more body fat and less body water in older adults (larger Vd for lipophilic drugs such as diazepam), plus increased pharmacodynamic sensitivity.
            - **Body size:** obesity changes Vd for lipophilic drugs and raises questions about total versus ideal versus adjusted body weight.
            - **Protein binding:** hypoalbuminemia raises free fractions of highly bound drugs (phenytoin), so total levels mislead.
            - **Interactions:** CYP3A4, CYP2D6 and P-gp inhibitors or inducers, including clarithromycin, azoles, rifampicin and St John's wort.
            - **Pharmacogenomics:** e.g., CYP2C19 and clopidogrel, CYP2D6 and codeine, TPMT/NUDT15 and thiopurines.
            - **Critical illness:** augmented renal clearance, fluid shifts and extracorporeal circuits.

            Involve clinical pharmacists and use therapeutic drug monitoring where available.""",
        ),
    }),
    ("the Krebs cycle", {
        "patient": (
            "In simple terms, what is the Krebs cycle? My daughter is studying it and I'm lost.",
            """Think of the Krebs cycle (also called the citric acid cycle) as the central furnace in each of your cells' power stations, the mitochondria.

            The food you eat — carbohydrates, fats and proteins — is broken down into smaller fuel pieces. Many of them are turned into a two-carbon molecule called acetyl-CoA, which enters the cycle. Inside, it goes through a loop of chemical steps, and along the way:

            - its carbon atoms are released as carbon dioxide, which you breathe out;
            - energy is captured by "carrier" molecules (NADH and FADH2), like charging batteries.

            Those charged carriers then pass their energy to the next stage, the electron transport chain, which uses oxygen to make most of the cell's usable energy molecule, ATP. That's a big part of why we need to breathe oxygen.

            It's called a cycle because the molecule that starts the loop is regenerated at the end, ready to accept the next acetyl-CoA. The names of the steps are what students memorize; the big idea is "fuel in, CO2 out, energy captured.\"""",
        ),
        "student": (
            "Summarize the steps and outputs of the TCA cycle and how it's regulated.",
            """**Inputs:** acetyl-CoA (from pyruvate via pyruvate dehydrogenase, from fatty acid β-oxidation, or from ketogenic amino acids) plus oxaloacetate.

            **Steps** (mnemonic "Citrate Is Krebs' Starting Substrate For Making Oxaloacetate"):
            citrate → isocitrate → α-ketoglutarate → succinyl-CoA → succinate → fumarate → malate → oxaloacetate.

            **Yield per acetyl-CoA:** 3 NADH, 1 FADH2, 1 GTP (or ATP), 2 CO2 — roughly 10 ATP after oxidative phosphorylation.

            **Key enzymes and regulation**
            - **Citrate synthase:** inhibited by ATP, NADH, succinyl-CoA and citrate.
            - **Isocitrate dehydrogenase** (rate-limiting): activated by ADP and Ca²⁺, inhibited by ATP and NADH.
            - **α-Ketoglutarate dehydrogenase:** inhibited by succinyl-CoA and NADH; like pyruvate dehydrogenase it needs thiamine pyrophosphate, lipoate, CoA, FAD and NAD⁺.
            - **Succinate dehydrogenase** is also complex II of the electron transport chain.

            **Beyond energy:** the cycle is amphibolic — intermediates feed gluconeogenesis (oxaloacetate via malate), fatty acid synthesis (citrate export), heme synthesis (succinyl-CoA) and amino acids (α-ketoglutarate, oxaloacetate). Anaplerotic reactions such as pyruvate carboxylase replenish intermediates.""",
            "Student wants the list plus yields and regulation. Include rate-limiting step, cofactors for the dehydrogenase complexes, and amphibolic roles.",
        ),
        "clinician": (
            "Where does TCA cycle biochemistry actually matter clinically?",
            """A few places where it comes up at the bedside:

            - **Thiamine deficiency:** thiamine pyrophosphate is a cofactor for pyruvate dehydrogenase and α-ketoglutarate dehydrogenase. In deficiency, pyruvate is shunted to lactate and cerebral energy metabolism fails — Wernicke encephalopathy, and "wet" beriberi with high-output heart failure. This is why at-risk patients (alcohol use disorder, malnutrition, hyperemesis, post-bariatric surgery) should receive thiamine before or with glucose.
            - **Lactic acidosis:** impaired oxidative metabolism in shock, with mitochondrial toxins (cyanide, carbon monoxide) or in inherited PDH deficiency diverts pyruvate to lactate.
            - **Ketosis:** in prolonged fasting or insulin deficiency, oxaloacetate is diverted to gluconeogenesis, so acetyl-CoA from fatty acids is channeled into ketone bodies.
            - **Oncology:** IDH1/IDH2 mutations (gliomas, AML) produce the oncometabolite 2-hydroxyglutarate and are therapeutic targets; succinate dehydrogenase and fumarate hydratase mutations cause hereditary paraganglioma and renal cancer syndromes.
            - **Arsenic** inhibits lipoic acid–dependent enzymes, blocking the same dehydrogenase complexes.""",
        ),
    }),
    ("the action potential", {
        "patient": (
            "How do nerves actually send signals? Is it electricity?",
            """In a sense, yes — but it's electricity carried by charged particles called ions rather than by electrons in a wire.

            A resting nerve cell keeps a slight electrical imbalance across its outer membrane: more sodium outside, more potassium inside, with the inside slightly negative. Tiny pumps spend energy keeping it that way, like charging a battery.

            When the nerve is stimulated enough, little gates in the membrane open and sodium rushes in. For a split second the inside becomes positive. That change triggers the next patch of membrane to do the same, so a wave of electrical change travels along the nerve — the "action potential." Potassium gates then open to reset the charge.

            Many nerves are wrapped in an insulating layer called myelin, which lets the signal jump from gap to gap and travel much faster. When the signal reaches the end of the nerve, it releases chemical messengers that pass the message on to the next nerve or a muscle.

            Conditions such as multiple sclerosis (damage to myelin) and the effects of some local anesthetics (which block sodium gates) make sense once you know this.""",
        ),
        "student": (
            "Walk me through the phases of a neuronal action potential and the ion channels involved.",
            """**Resting membrane potential (~−70 mV):** set mainly by K⁺ leak channels (high K⁺ permeability pulls the membrane toward E_K ≈ −90 mV) and maintained by the Na⁺/K⁺-ATPase (3 Na⁺ out, 2 K⁺ in).

            **1. Depolarization to threshold (~−55 mV):** graded synaptic or receptor potentials open enough voltage-gated Na⁺ channels to start positive feedback.

            **2. Rapid upstroke:** Na⁺ influx drives the membrane toward E_Na (≈ +60 mV), peaking around +30 mV.

            **3. Repolarization:** Na⁺ channels inactivate (the inactivation gate closes) while slower voltage-gated K⁺ channels open, and K⁺ efflux returns the potential toward negative.

            **4. Afterhyperpolarization:** K⁺ channels close slowly, briefly overshooting toward E_K.

            **Refractory periods:** the *absolute* refractory period reflects Na⁺ channel inactivation — no stimulus can fire another spike. In the *relative* period a stronger stimulus can. This enforces one-way propagation.

            **Conduction:** myelin increases membrane resistance and reduces capacitance, and nodes of Ranvier concentrate Na⁺ channels, allowing saltatory conduction. Larger diameter also speeds conduction.

            Note that the concentration gradients barely change during a single action potential; very few ions actually move.""",
            "Go phase by phase with the channel responsible and approximate voltages, then refractory periods and saltatory conduction.",
        ),
        "clinician": (
            "Why does hyperkalemia cause arrhythmias, at the level of membrane physiology?",
            """Raised extracellular K⁺ reduces the K⁺ gradient, so the resting membrane potential of cardiac myocytes becomes **less negative** (partially depolarized).

            Consequences:
            - **Sodium channel inactivation:** at a less negative resting potential, a larger fraction of voltage-gated Na⁺ channels sits in the inactivated state. Fewer are available for phase 0, so the upstroke slows — slowed conduction, QRS widening, and eventually a sine-wave pattern and ventricular fibrillation or asystole.
            - **Faster repolarization:** higher extracellular K⁺ increases conductance of some K⁺ channels (notably I_Kr), shortening repolarization — the peaked, narrow-based T waves often seen early.
            - **Conduction system:** atrial myocytes are particularly sensitive (flattened or absent P waves), and AV block and bradyarrhythmias can occur.

            ECG changes correlate imperfectly with the serum level, and patients can deteriorate without warning.

            **Therapeutic logic:** IV calcium doesn't lower potassium; it raises the threshold potential, restoring the gap between resting and threshold potential and stabilizing the membrane within minutes. Insulin (with glucose) and β2-agonists shift K⁺ into cells via Na⁺/K⁺-ATPase stimulation, while binders, diuretics or dialysis remove it from the body.""",
        ),
    }),
    ("the immune system", {
        "patient": (
            "Can you give me a simple overview of how the immune system works?",
            """Your immune system is a defense network with two main teams.

            **The first responders (innate immunity)** are always on duty. Skin and mucus membranes are physical barriers. If germs get past them, white blood cells such as neutrophils and macrophages rush in within minutes to hours, swallowing invaders and sounding the alarm with chemical signals. That response causes familiar signs like redness, swelling and fever.

            **The specialists (adaptive immunity)** take a few days to get going but are precisely targeted:
            - **B cells** make antibodies — proteins that latch onto a specific germ and mark it for destruction.
            - **T cells** coordinate the response and destroy cells that have been infected.

            Crucially, the adaptive system remembers. After an infection or a vaccine, memory cells stay ready, so the next encounter is dealt with faster — often before you feel ill.

            Sometimes the system misfires: reacting to harmless things (allergies), attacking the body's own tissues (autoimmune diseases), or being weakened by illness or medicines. Sleep, exercise, a balanced diet, vaccines and not smoking all support it.""",
        ),
        "caregiver": (
            "My wife is on chemotherapy and her immune system is weak. How do I help protect her from infections?",
            """Chemotherapy often lowers the white blood cells that fight infection, especially in the week or two after each treatment. Practical steps that teams commonly recommend:

            **Hygiene**
            - Everyone in the home washes hands often, especially before preparing food and after using the bathroom.
            - Keep alcohol-based hand sanitizer handy, and ask visitors with coughs, colds or stomach bugs to stay away.

            **Food safety**
            - Cook meat, eggs and fish thoroughly; wash fruit and vegetables; avoid unpasteurized products. Her team may give more specific advice.

            **Around the house**
            - Take over tasks like emptying litter boxes or cleaning up after pets, and gardening without gloves.
            - Keep up with the vaccines recommended for household members, such as the flu vaccine — ask her team which are appropriate.

            **Most important: fever.** Know exactly what temperature her team wants you to call about and the number to use, day or night. A fever during chemotherapy can be a medical emergency (neutropenic fever). Also call for chills, shaking, a new cough, burning when urinating, or redness around a line or port.""",
        ),
        "student": (
            "Give me a structured overview of innate versus adaptive immunity.",
            """**Innate immunity** — rapid (minutes to hours), germline-encoded, no classic memory.
            - *Barriers:* epithelium, mucus, antimicrobial peptides, commensal flora.
            - *Cells:* neutrophils, macrophages, dendritic cells, NK cells, mast cells, eosinophils, innate lymphoid cells.
            - *Recognition:* pattern recognition receptors (Toll-like receptors, NOD-like receptors, RIG-I) detect PAMPs and DAMPs.
            - *Effectors:* phagocytosis, complement (classical, lectin and alternative pathways → opsonization, MAC, anaphylatoxins), cytokines (IL-1, IL-6, TNF-α, type I interferons).

            **Adaptive immunity** — slower on first exposure (days), highly specific, with memory.
            - *Antigen receptors:* generated by V(D)J recombination.
            - *B cells:* produce antibodies; class switching and affinity maturation occur in germinal centers with T follicular helper cells.
            - *CD4+ T cells* recognize peptide on MHC II; subsets Th1, Th2, Th17, Tfh and Treg.
            - *CD8+ T cells* recognize peptide on MHC I and kill infected or malignant cells.

            **The bridge:** dendritic cells capture antigen, migrate to lymph nodes and present it with co-stimulatory signals (B7–CD28) to activate naive T cells. Innate signals therefore shape the type and strength of the adaptive response — the principle behind vaccine adjuvants.""",
            "Structure as innate vs adaptive with timing, cells, receptors and effectors, then emphasize dendritic cells as the link.",
        ),
    }),
    ("inflammation", {
        "patient": (
            "Everyone talks about inflammation. What is it, and is it always bad?",
            """Inflammation is your body's protective response to injury or infection, and in the short term it's essential.

            When you cut your finger or catch an infection, blood vessels nearby widen and become leakier so immune cells and proteins can reach the area. That's why an injured or infected spot becomes red, warm, swollen and painful. Once the threat is dealt with, the inflammation is supposed to switch off and healing takes over. This is *acute* inflammation, and it's helpful.

            Problems arise when inflammation doesn't switch off or is aimed at the wrong target. *Chronic* inflammation plays a role in conditions like rheumatoid arthritis, inflammatory bowel disease and psoriasis, and lower-grade inflammation contributes to the buildup of plaque in arteries.

            You'll see a lot of marketing for "anti-inflammatory" diets and supplements. The habits with reasonable evidence for supporting health overall — regular activity, not smoking, a healthy weight, a diet rich in vegetables, fruit, whole grains and fish, and good sleep — are also the ones linked with lower levels of chronic inflammation. Specific supplements have much weaker evidence.""",
        ),
        "student": (
            "Explain the cellular and vascular events of acute inflammation.",
            """**Triggers:** PAMPs and DAMPs are detected by pattern recognition receptors on resident macrophages, dendritic cells and mast cells, which release mediators.

            **Vascular events**
            - *Transient vasoconstriction* then *vasodilation* (histamine, prostaglandins, nitric oxide) → increased blood flow → **rubor** and **calor**.
            - *Increased permeability:* endothelial contraction and gaps in postcapillary venules → protein-rich exudate → **tumor** (swelling).
            - Mediators such as bradykinin and PGE2 sensitize nociceptors → **dolor**; loss of function follows.

            **Cellular events (neutrophil recruitment)**
            1. *Margination and rolling* — selectins (E- and P-selectin on endothelium).
            2. *Firm adhesion* — integrins (LFA-1, Mac-1) bind ICAM-1, activated by chemokines such as IL-8.
            3. *Transmigration (diapedesis)* — PECAM-1.
            4. *Chemotaxis* — toward C5a, LTB4, IL-8 and bacterial products.
            5. *Phagocytosis and killing* — oxidative burst (NADPH oxidase, myeloperoxidase) and neutrophil extracellular traps.

            **Resolution:** lipid mediators (lipoxins, resolvins), IL-10 and TGF-β, plus neutrophil apoptosis and macrophage clearance (efferocytosis). Failed resolution leads to chronic inflammation, dominated by macrophages and lymphocytes, with tissue damage and fibrosis.

            **Systemic effects:** IL-1, IL-6 and TNF-α cause fever and the hepatic acute-phase response (CRP, fibrinogen).""",
        ),
        "clinician": (
            "CRP versus ESR: when is each more useful?",
            """**CRP (C-reactive protein)**
            - Hepatic acute-phase protein induced mainly by IL-6.
            - Rises within 6–8 hours, peaks around 48 hours, and falls quickly (half-life ~19 hours) once the stimulus resolves.
            - Better for tracking acute inflammation and treatment response, e.g., in bacterial infection or after surgery.
            - Little affected by age, anemia or red cell morphology. Can stay modest in SLE flares (serositis is an exception) and is suppressed by IL-6 blockade (tocilizumab).

            **ESR (erythrocyte sedimentation rate)**
            - Indirect: reflects how fibrinogen and immunoglobulins promote rouleaux formation.
            - Rises and falls slowly over days to weeks.
            - Increased by age, female sex, anemia, pregnancy, renal failure and paraproteins; decreased by polycythemia, sickle cells and very low fibrinogen.
            - Still valued in giant cell arteritis and polymyalgia rheumatica, osteomyelitis monitoring, and when a paraprotein is suspected.

            **In practice:** CRP is usually the better first-line marker. Neither is specific; interpret with the clinical picture, and remember that a normal value doesn't exclude localized infection or vasculitis.""",
            "Compare kinetics, influences and best use cases for CRP vs ESR in a clinician-friendly format.",
        ),
    }),
    ("atrial fibrillation", {
        "patient": (
            "What is atrial fibrillation, and why does it matter?",
            """Atrial fibrillation (AFib) is a common heart rhythm problem. Normally a natural pacemaker in the heart's upper chambers (the atria) sends out regular signals, so the heart beats in a steady rhythm. In AFib, the atria fire chaotic electrical signals and quiver instead of squeezing properly. The lower chambers then beat irregularly and often fast.

            Some people notice a fluttering or pounding heartbeat, breathlessness, tiredness or dizziness; others have no symptoms at all and it's found at a routine check.

            AFib matters for two main reasons:
            - **Stroke risk.** Because the atria aren't squeezing well, blood can pool and form clots, which can travel to the brain. This is why many people with AFib are offered a blood thinner, depending on their personal risk.
            - **Heart strain.** A persistently fast rate can tire the heart over time.

            Treatment focuses on preventing strokes, controlling the heart rate or rhythm, and managing things that drive AFib, such as high blood pressure, sleep apnea, heavy drinking and excess weight.""",
        ),
        "caregiver": (
            "My mother was just diagnosed with AFib and started a blood thinner. What should I keep an eye on?",
            """Here's what families are usually advised to watch for.

            **Bleeding — the main risk with blood thinners**
            - Minor: easier bruising, gums bleeding when brushing, nosebleeds that stop with pressure. Mention these at her next visit.
            - Serious — call for urgent help: vomiting blood or material like coffee grounds, black or bloody stools, blood in urine, a nosebleed that won't stop, or any significant fall, especially if she hits her head, even if she seems fine.

            **Stroke signs (BE FAST)** — sudden balance loss, vision change, face drooping, arm weakness or speech difficulty: call emergency services immediately.

            **Heart rhythm symptoms** — new fainting, chest pain or severe breathlessness need emergency care; a persistently racing heartbeat or more tiredness should be reported to her team.

            **Practical tips**
            - Keep an updated medicine list and show it to every clinician, dentist and pharmacist.
            - Check with her pharmacist before any new over-the-counter medicine or supplement; some pain relievers and herbal products raise bleeding risk.
            - Don't stop the blood thinner without talking to her prescriber.""",
        ),
        "student": (
            "What's the pathophysiology of atrial fibrillation?",
            """AF needs **triggers** to start it and a **substrate** to sustain it.

            **Triggers:** ectopic firing from myocardial sleeves extending into the **pulmonary veins** is the classic source, which is why pulmonary vein isolation is the cornerstone of ablation. Autonomic surges can also provoke episodes.

            **Substrate and maintenance:** multiple re-entrant wavelets and rotor-like drivers persist when atrial tissue has:
            - *electrical remodeling* — shortened refractory period and action potential duration (reduced L-type Ca²⁺ current), which AF itself induces ("AF begets AF");
            - *structural remodeling* — atrial dilation and fibrosis from hypertension, valvular disease, heart failure, obesity, aging and sleep apnea, slowing and fragmenting conduction.

            **Consequences**
            - Loss of atrial kick (which can reduce cardiac output, especially with stiff ventricles).
            - Irregularly irregular ventricular response governed by AV nodal filtering.
            - Stasis in the **left atrial appendage** → thrombus → cardioembolic stroke (Virchow's triad).
            - Persistent rapid rates can cause tachycardia-induced cardiomyopathy.

            On ECG: no organized P waves, fibrillatory baseline, irregularly irregular R–R intervals.""",
            "Use the trigger + substrate framework (pulmonary veins, electrical and structural remodeling), then hemodynamic and thromboembolic consequences and ECG features.",
        ),
        "clinician": (
            "Summarize the current framework for managing atrial fibrillation.",
            """Recent ESC guidance uses **AF-CARE**, and ACC/AHA/ACCP/HRS guidance takes a similar approach:

            - **C — Comorbidity and risk-factor management:** hypertension, obesity (weight loss reduces AF burden), sleep apnea, alcohol reduction, diabetes, heart failure, physical activity.
            - **A — Avoid stroke and thromboembolism:** assess risk with CHA2DS2-VA (ESC) or CHA2DS2-VASc. Prefer DOACs over warfarin except with mechanical valves or moderate-to-severe mitral stenosis. Address modifiable bleeding risks rather than using bleeding scores to withhold anticoagulation. Consider left atrial appendage occlusion when anticoagulation is contraindicated long-term.
            - **R — Reduce symptoms by rate and rhythm control:** beta-blockers or non-dihydropyridine calcium channel blockers (avoid the latter in HFrEF), with digoxin as an adjunct. Early rhythm control improved outcomes in EAST-AFNET 4, and catheter ablation is first-line for many symptomatic patients and those with HFrEF (CASTLE-AF).
            - **E — Evaluation and dynamic reassessment:** echocardiography, thyroid function, renal function (for DOAC dosing), and periodic review as risk changes.

            Anticoagulation decisions follow thromboembolic risk, not whether the patient is in sinus rhythm after cardioversion or ablation.""",
        ),
    }),
    ("pneumonia", {
        "patient": (
            "What is pneumonia, and how is it different from a chest cold?",
            """A chest cold (acute bronchitis) is usually a viral infection of the larger airways. It causes a cough that can linger for a few weeks, but the lungs' air sacs aren't affected, and most people recover without antibiotics.

            Pneumonia is an infection deeper in the lungs, in the tiny air sacs (alveoli). They fill with fluid and immune cells, which makes it harder for oxygen to get into the blood. It can be caused by bacteria, viruses or, less often, fungi.

            Pneumonia tends to make people more unwell: fever and chills, a cough that may bring up colored phlegm, breathlessness, fast breathing, chest pain when breathing in, and tiredness. Older adults may instead become confused or just "not themselves."

            A clinician diagnoses it by examining you and sometimes with a chest X-ray. Treatment depends on the cause and how sick you are; many people are treated at home.

            Get urgent care if you have difficulty breathing, lips turning blue, confusion, chest pain, or you're getting worse. Vaccines against pneumococcus, flu, COVID-19 and RSV (for eligible adults) lower the risk.""",
        ),
        "caregiver": (
            "My dad is recovering from pneumonia at home. What should I watch for?",
            """Recovery from pneumonia is gradual. Fever usually settles within a few days of starting treatment, but cough and tiredness can take weeks to fully resolve, especially in older adults.

            **Helpful at home**
            - Make sure he finishes the treatment exactly as prescribed.
            - Encourage fluids and regular small meals.
            - Rest, but with short walks around the home and deep breaths a few times an hour to help clear the lungs.
            - No smoking around him.

            **Contact his clinician if**
            - his fever hasn't improved after 2–3 days of treatment, or comes back;
            - he's eating and drinking much less, or passing little urine;
            - his cough or breathlessness is getting worse rather than better.

            **Call emergency services if**
            - he is struggling to breathe, or breathing very fast;
            - his lips or face turn blue or gray;
            - he becomes confused, very drowsy or hard to wake;
            - he has chest pain or faints.

            A follow-up visit is usually arranged; it's a good time to ask about pneumococcal and flu vaccines if he isn't up to date.""",
        ),
        "student": (
            "How is community-acquired pneumonia classified and what are the common pathogens?",
            """**Classification by setting**
            - *Community-acquired pneumonia (CAP):* onset outside hospital.
            - *Hospital-acquired pneumonia:* onset ≥48 hours after admission.
            - *Ventilator-associated pneumonia:* ≥48 hours after intubation.
            (The older "healthcare-associated" category has been dropped in recent guidance because it overestimated resistant pathogens.)

            **Common CAP pathogens**
            - *Streptococcus pneumoniae* — still the leading bacterial cause.
            - *Haemophilus influenzae*, *Moraxella catarrhalis* (especially with COPD).
            - Atypicals: *Mycoplasma pneumoniae*, *Chlamydophila pneumoniae*, *Legionella* species.
            - Respiratory viruses: influenza, SARS-CoV-2, RSV, human metapneumovirus — found in a large share of cases with modern testing.
            - *Staphylococcus aureus* (including post-influenza), Gram-negatives such as *Pseudomonas* in structural lung disease or with specific risk factors, and anaerobes in aspiration.

            **Pathophysiology:** microaspiration or inhalation overwhelms mucociliary clearance and alveolar macrophages → neutrophilic alveolar exudate → consolidation, shunt and hypoxemia.

            **Severity assessment** (CURB-65, the Pneumonia Severity Index, or IDSA/ATS major and minor criteria) guides the site of care and empiric therapy.""",
        ),
    }),
    ("allergic reactions", {
        "patient": (
            "Why do some people get allergies, and what is actually happening during an allergic reaction?",
            """An allergy is your immune system overreacting to something that's normally harmless, such as pollen, dust mites, pet dander, certain foods or insect stings.

            The first time a person with a tendency to allergies meets the trigger, their immune system wrongly labels it as dangerous and makes a type of antibody called IgE against it. The IgE attaches to mast cells in the skin, nose, lungs and gut. Next time the trigger shows up, it binds to that IgE and the mast cells release histamine and other chemicals. That causes sneezing, itchy eyes, hives, swelling or wheezing within minutes.

            Why some people develop allergies isn't fully understood. Genes play a big part — allergies, eczema and asthma run in families — and environment matters too.

            Most reactions are mild to moderate. A severe, whole-body reaction called **anaphylaxis** can affect breathing and blood pressure and needs emergency treatment with epinephrine (adrenaline). If you've ever had trouble breathing, throat tightness or fainting with a reaction, ask your clinician about an allergy assessment and whether you should carry an epinephrine auto-injector.""",
        ),
        "caregiver": (
            "My son was just diagnosed with a peanut allergy. How do we keep him safe day to day?",
            """A new food allergy diagnosis can feel overwhelming, but families quickly build routines that work.

            **Avoidance**
            - Read every label, every time; recipes change. Learn your country's labeling rules and "may contain" warnings, and follow your allergist's advice on those.
            - Be careful with baked goods, sauces, Asian and African dishes, and bulk bins where cross-contact is common.
            - At restaurants, tell staff clearly about the allergy.

            **Be ready for a reaction**
            - If he's prescribed epinephrine auto-injectors, keep two with him at all times, and make sure you and other caregivers know how to use them. Check expiry dates.
            - Have a written allergy action plan from his clinician and share it with school, daycare and relatives.
            - Epinephrine is the first treatment for anaphylaxis. Antihistamines can ease mild itching or hives but don't treat breathing or circulation problems.

            **Know the signs of anaphylaxis:** trouble breathing, wheeze, throat tightness or hoarse voice, swelling of the tongue, repeated vomiting, pale or floppy, or collapse. Give epinephrine and call emergency services.

            Ask your allergist about follow-up testing and treatment options such as oral immunotherapy.""",
        ),
        "student": (
            "Compare the four Gell and Coombs hypersensitivity types with examples.",
            """**Type I — immediate, IgE-mediated**
            - Mechanism: allergen cross-links IgE on mast cells and basophils → degranulation (histamine, tryptase, leukotrienes, prostaglandins); late phase with eosinophils.
            - Examples: anaphylaxis, allergic rhinitis, allergic asthma, urticaria, food allergy.

            **Type II — antibody-mediated cytotoxic**
            - Mechanism: IgG or IgM binds antigens on cells or tissue → complement activation, opsonization, antibody-dependent cellular cytotoxicity, or receptor dysfunction.
            - Examples: hemolytic transfusion reactions, autoimmune hemolytic anemia, Goodpasture syndrome, Graves' disease (stimulating antibodies) and myasthenia gravis (blocking antibodies).

            **Type III — immune complex**
            - Mechanism: soluble antigen–antibody complexes deposit in vessel walls, glomeruli and joints → complement activation and neutrophil injury.
            - Examples: serum sickness, post-streptococcal glomerulonephritis, lupus nephritis, Arthus reaction.

            **Type IV — delayed, T-cell-mediated** (48–72 hours)
            - Mechanism: sensitized CD4+ T cells (cytokines, macrophage activation) or CD8+ cytotoxic T cells.
            - Examples: tuberculin skin test, contact dermatitis (nickel, poison ivy), SJS/TEN and DRESS drug reactions.

            Real diseases often involve more than one type.""",
            "Table-like structure: mechanism and two or three examples per type, then note overlap.",
        ),
    }),
    ("anticoagulants", {
        "patient": (
            "What do blood thinners actually do? Do they make my blood thinner?",
            """Despite the name, blood thinners don't make your blood thinner or watery. They make it *less likely to form clots* by interfering with the clotting process.

            There are two broad groups:
            - **Anticoagulants** (for example warfarin, apixaban, rivaroxaban, dabigatran) block clotting factors, the proteins that build a clot. They're used for atrial fibrillation, blood clots in the legs or lungs, and some heart valves.
            - **Antiplatelet medicines** (for example aspirin or clopidogrel) make platelets, the tiny cell fragments that plug wounds, less sticky. They're often used after heart attacks, stents or some strokes.

            Because they slow clotting, the main side effect is bleeding — bruising more easily, or cuts taking longer to stop. Serious bleeding is less common but important to recognize: black or bloody stools, vomiting blood, blood in urine, severe headache, or a fall with a head injury need urgent care.

            Always tell every clinician, dentist and pharmacist that you take a blood thinner, check before starting any new medicine or supplement, and never stop it without talking to your prescriber, because stopping can raise the risk of a stroke or clot.""",
        ),
        "caregiver": (
            "My father takes warfarin. What do I need to know about food and other medicines?",
            """Warfarin works well but is sensitive to diet and other medicines, so consistency is the key.

            **Food**
            - Vitamin K (found in leafy greens such as spinach, kale and broccoli) counteracts warfarin. He doesn't need to avoid these foods — the goal is to eat a *steady* amount week to week, so his dose can be matched to his usual diet.
            - Large changes, like a new diet, a sudden salad habit or meal-replacement drinks, should be mentioned to his anticoagulation clinic.
            - Alcohol, especially binge drinking, can change warfarin's effect; cranberry and grapefruit products may too.

            **Medicines and supplements**
            - Many medicines interact, including some antibiotics, antifungals, heart rhythm drugs and over-the-counter pain relievers such as ibuprofen and aspirin.
            - Herbal products like St John's wort, ginkgo and high-dose fish oil can interfere or add bleeding risk.
            - Ask his pharmacist before *anything* new starts or stops.

            **Monitoring**
            - Warfarin is checked with a blood test called the INR. Keep his testing appointments, especially after any medication change or illness.

            Seek urgent help for serious bleeding, a head injury, or stroke signs.""",
        ),
        "clinician": (
            "DOACs versus warfarin: key practical differences?",
            """**Where DOACs are preferred:** non-valvular AF and most venous thromboembolism. Meta-analyses of the pivotal trials show at least comparable stroke prevention with less intracranial hemorrhage than warfarin.

            **Where warfarin remains standard:** mechanical heart valves (dabigatran caused harm in RE-ALIGN), moderate-to-severe rheumatic mitral stenosis, and antiphospholipid syndrome, particularly triple-positive (DOACs associated with more arterial events).

            **Practical differences**
            - *Monitoring:* warfarin needs INR monitoring and is affected by diet; DOACs need periodic renal and hepatic function, weight and interaction checks.
            - *Onset/offset:* DOACs act within hours and wear off within 1–3 days, depending on renal function; warfarin takes days to reach a therapeutic INR and requires bridging in some settings.
            - *Renal function:* dose adjustments and contraindications vary by agent; dabigatran is the most renally dependent. Use the criteria in each product's labeling.
            - *Interactions:* strong P-gp and CYP3A4 inhibitors or inducers affect apixaban and rivaroxaban.
            - *Reversal:* vitamin K and four-factor PCC for warfarin; idarucizumab for dabigatran; andexanet alfa or PCC for factor Xa inhibitors, per local protocol.
            - *Extremes of weight and GI absorption* (e.g., after bariatric surgery) warrant caution with DOACs.
            - *Pregnancy:* avoid both; low-molecular-weight heparin is used.""",
            "Compare indications, evidence, monitoring, pharmacokinetics, renal considerations, interactions, reversal and special populations. No patient-specific dosing.",
        ),
    }),
    ("concussion", {
        "patient": (
            "What exactly is a concussion? I bumped my head playing football last week.",
            """A concussion is a mild traumatic brain injury. A blow to the head, or a jolt that makes the head move quickly back and forth, causes the brain to shift inside the skull. That disrupts how brain cells work for a while — a temporary energy crisis rather than visible damage — which is why ordinary scans are usually normal.

            Common symptoms include headache, dizziness, nausea, feeling foggy or slowed down, trouble concentrating or remembering, sensitivity to light or noise, irritability and sleep changes. You don't need to have been knocked out to have a concussion.

            Most people recover within a few weeks. Current advice is a day or two of relative rest, then a gradual return to light activity and thinking tasks as symptoms allow, rather than complete rest in a dark room. Return to contact sport should follow a stepwise plan once you're symptom-free, guided by a clinician.

            Since you're asking about your own injury, it's worth being checked by a clinician if you haven't been. Seek urgent care for a worsening headache, repeated vomiting, increasing confusion or drowsiness, weakness, slurred speech, a seizure, or one pupil larger than the other.""",
        ),
        "caregiver": (
            "My 12-year-old got a concussion at soccer. How do I help her recover and get back to school?",
            """Most children recover well within about four weeks, and a gradual, guided return works better than strict rest.

            **First few days**
            - A day or two of relative rest: quiet activities, less screen time, plenty of sleep.
            - Then light activity such as walking, as long as it doesn't clearly worsen symptoms.

            **Back to school**
            - Many children return within a few days, sometimes with adjustments: shorter days, breaks in a quiet room, extra time for assignments, no tests at first, and sunglasses or reduced screen work if light bothers her.
            - Let her teachers and school nurse know so they can watch for problems.

            **Back to sport**
            - School comes first. Sport resumes in steps — light aerobic exercise, sport-specific drills, non-contact training, full-contact practice, then games — each step only if symptoms don't return, and with clearance from her clinician before contact.
            - A second concussion before recovery can cause more serious problems.

            **Seek urgent care** if she has a worsening headache, repeated vomiting, increasing sleepiness or difficulty waking, confusion, slurred speech, weakness, a seizure, or unusual behavior.

            If symptoms persist beyond about four weeks, ask about referral to a concussion clinic.""",
        ),
        "student": (
            "What's the neurometabolic cascade in concussion?",
            """Concussion produces a functional rather than structural injury, best described by the **neurometabolic cascade** (Giza and Hovda).

            1. **Mechanical deformation** from acceleration–deceleration and rotational forces stretches axonal membranes.
            2. **Ionic flux:** indiscriminate K⁺ efflux and Na⁺/Ca²⁺ influx, amplified by widespread glutamate release acting on NMDA receptors.
            3. **Energy crisis:** Na⁺/K⁺-ATPase pumps work hard to restore gradients, driving **hyperglycolysis** at a time when cerebral blood flow may actually be reduced — a supply–demand mismatch.
            4. **Calcium accumulation** in mitochondria impairs oxidative metabolism, followed by a period of depressed glucose metabolism.
            5. **Axonal dysfunction:** cytoskeletal and microtubule disruption can impair transport; more severe forces cause diffuse axonal injury.
            6. **Neuroinflammation** and altered neurotransmission.

            This window of metabolic vulnerability is thought to underlie the susceptibility to a second injury and the rationale for graded return to activity. Standard CT is normal in most concussions; it's used to exclude intracranial hemorrhage, guided by decision rules such as the Canadian CT Head Rule or PECARN in children.""",
            "Step through the Giza-Hovda cascade: ionic flux, glutamate, hyperglycolysis vs reduced CBF, calcium, axonal injury, then clinical implications.",
        ),
    }),
    ("fatty liver disease", {
        "patient": (
            "What is fatty liver disease? I don't drink much, so how could I have it?",
            """Fatty liver disease means extra fat has built up inside liver cells. Alcohol is one cause, but the most common form today has nothing to do with drinking. It's now called **MASLD** (metabolic dysfunction-associated steatotic liver disease), previously known as NAFLD.

            It's closely linked to metabolic health: carrying extra weight around the waist, type 2 diabetes or prediabetes, high blood pressure, and high triglycerides or low HDL cholesterol. It's very common, affecting roughly a quarter to a third of adults worldwide, and usually causes no symptoms.

            For most people it stays as simple fat buildup. In some, it progresses to inflammation and liver cell damage (MASH), which can lead to scarring (fibrosis), cirrhosis and, rarely, liver cancer. Fatty liver also comes with higher heart disease risk.

            The encouraging part is that it often improves: losing around 5–10% of body weight reduces liver fat and can reduce inflammation and scarring. Regular activity helps even without much weight loss, as does cutting sugary drinks and limiting alcohol. Your clinician may suggest tests to check for scarring.""",
        ),
        "student": (
            "What changed with the MASLD nomenclature, and what drives progression?",
            """**Nomenclature (2023 multisociety consensus):**
            - *Steatotic liver disease (SLD)* is the umbrella term.
            - *MASLD* — hepatic steatosis plus at least one cardiometabolic risk factor (raised BMI or waist circumference, dysglycemia, hypertension, high triglycerides, low HDL), without another cause.
            - *MASH* replaces NASH (steatohepatitis).
            - *MetALD* — MASLD with greater alcohol intake than the MASLD thresholds allow.
            The change moved away from exclusionary, stigmatizing terms ("non-alcoholic", "fatty") toward a positive metabolic definition.

            **Drivers of progression**
            - Insulin resistance increases adipose lipolysis and hepatic de novo lipogenesis, and fructose intake contributes to lipogenesis.
            - Lipotoxicity from free fatty acids, ceramides and diacylglycerols causes ER stress, mitochondrial dysfunction and oxidative stress → hepatocyte injury and ballooning.
            - Kupffer cell and inflammasome activation, gut-derived endotoxin.
            - Hepatic stellate cell activation → collagen deposition → fibrosis.
            - Genetics: PNPLA3 I148M and TM6SF2 variants increase risk; HSD17B13 loss-of-function is protective.

            **Fibrosis stage**, not steatosis, is the main predictor of liver-related outcomes and mortality.""",
        ),
        "clinician": (
            "How should we assess fibrosis risk in patients with MASLD in primary care?",
            """A stepwise, non-invasive approach is now standard (AASLD, EASL and AGA pathways):

            1. **Identify at-risk patients:** type 2 diabetes, obesity with additional metabolic risk factors, or steatosis found incidentally on imaging.
            2. **FIB-4** (age, AST, ALT, platelets) as the first-line test:
            - below 1.3 → low risk; manage metabolic risk and repeat periodically;
            - 1.3 or higher → second-line testing.
            FIB-4 is less reliable under age 35 and over 65 (a higher cutoff is often used for older adults).
            3. **Second-line:** vibration-controlled transient elastography (liver stiffness) or the ELF blood test. Low stiffness supports primary care management; indeterminate or high values warrant hepatology referral.
            4. **Normal aminotransferases don't exclude advanced fibrosis.**

            **Management:** 7–10% weight loss improves steatohepatitis and fibrosis. GLP-1 receptor agonists help with weight and glycemia, and resmetirom is approved in some regions for non-cirrhotic MASH with moderate-to-advanced fibrosis. Treat cardiovascular risk aggressively — statins are safe in MASLD and cardiovascular disease is the leading cause of death. Screen for HCC and varices in cirrhosis.""",
            "Stepwise fibrosis triage: FIB-4 thresholds and caveats, elastography/ELF, referral, then management priorities.",
        ),
    }),
    ("urinary tract infections", {
        "patient": (
            "Why do women get urinary tract infections more than men?",
            """Mostly anatomy. A UTI usually starts when bacteria from the bowel, commonly *E. coli*, travel up the urethra — the tube that carries urine out of the bladder — and multiply in the bladder.

            In women, the urethra is much shorter (about 4 cm compared with about 20 cm in men) and its opening is closer to the anus, so bacteria have a shorter trip. Other factors that raise the risk include:
            - sexual activity, which can push bacteria toward the urethra;
            - spermicides and diaphragms;
            - menopause, as lower estrogen changes the tissues and protective vaginal bacteria;
            - pregnancy, diabetes, kidney stones, or not emptying the bladder fully.

            Typical bladder infection symptoms are burning when passing urine, needing to go often and urgently, lower belly discomfort, and cloudy or bloody urine. Fever, shivering, back or side pain, or vomiting can mean the infection has reached the kidneys and needs prompt medical care.

            Helpful habits include staying well hydrated, urinating after sex, and wiping front to back. If infections keep coming back, a clinician can look for causes and discuss prevention options.""",
        ),
        "caregiver": (
            "My grandmother in a care home keeps being treated for UTIs whenever she's confused. Is that right?",
            """It's a really good question, and one that geriatric and infection specialists are paying close attention to.

            **Why this happens:** Many older adults — especially women in care homes — have bacteria in their urine without any infection. This is called *asymptomatic bacteriuria*, and it's very common. So a urine dipstick or culture will often come back "positive" whether or not an infection is the cause of a change in behavior.

            **Why it matters:** Confusion has many possible causes: dehydration, constipation, pain, poor sleep, new medicines, low sodium, or other infections. Treating bacteria that aren't causing harm doesn't help confusion and exposes her to side effects such as *C. difficile* diarrhea and antibiotic-resistant bacteria.

            **When a UTI is more likely:** new burning or pain when passing urine, new urgency or frequency, fever, shaking, or pain in the side or back.

            **What you can do:** ask her care team what signs led to the diagnosis, whether other causes of confusion were checked, and whether they follow a UTI assessment guideline. Sudden severe confusion, fever or signs of sepsis still need urgent assessment.""",
        ),
        "student": (
            "What's the pathogenesis of uncomplicated cystitis and pyelonephritis?",
            """**Route:** most UTIs are ascending. Uropathogens from the gut colonize the periurethral area and vaginal introitus, ascend the urethra to the bladder, and may ascend the ureters to the kidney.

            **Organisms:** uropathogenic *E. coli* (UPEC) causes most uncomplicated cases; others include *Staphylococcus saprophyticus* (young women), *Klebsiella*, *Proteus* and *Enterococcus*.

            **UPEC virulence factors**
            - *Type 1 fimbriae* (FimH adhesin) bind mannosylated uroplakins on bladder urothelium → cystitis; bacteria can invade cells and form intracellular bacterial communities, a reservoir for recurrence.
            - *P fimbriae* bind glycolipid receptors on renal epithelium → associated with pyelonephritis.
            - Hemolysin, siderophores, capsule and flagella.

            **Host defenses:** urine flow and complete voiding, low pH and high osmolality, Tamm–Horsfall protein (uromodulin) that traps bacteria, urothelial shedding, and innate immunity via TLR4.

            **Risk factors** disrupt these: short female urethra, sexual activity, spermicides, estrogen deficiency, obstruction, catheters, vesicoureteral reflux, diabetes, pregnancy.

            *Proteus* produces urease, alkalinizing urine and promoting struvite stones.""",
            "Ascending route, organisms, UPEC virulence factors linked to cystitis vs pyelo, host defenses, risk factors.",
        ),
    }),
    ("dementia", {
        "patient": (
            "I'm 62 and sometimes forget names. What's the difference between normal aging and dementia?",
            """Occasional forgetfulness is very common with age and usually isn't a sign of dementia.

            **More typical of normal aging**
            - Forgetting a name or appointment but remembering it later.
            - Taking a bit longer to learn new things or to find a word.
            - Misplacing things from time to time and retracing your steps to find them.

            **More concerning for dementia**
            - Memory or thinking problems that interfere with daily life: getting lost in familiar places, repeating the same questions, struggling with bills or cooking familiar recipes.
            - Trouble following conversations or finding common words often.
            - Changes in judgment, personality or mood that others notice.

            Dementia is an umbrella term for conditions that cause a decline in memory and thinking severe enough to affect independence; Alzheimer's disease is the most common cause.

            If you or people close to you are worried about changes, see your clinician. Some causes of memory problems are treatable — such as thyroid problems, low vitamin B12, depression, poor sleep or side effects of medicines. Keeping your blood pressure in check, staying physically and socially active, and protecting your hearing are linked with better brain health.""",
        ),
        "caregiver": (
            "My mother has Alzheimer's and gets agitated in the late afternoon. How can I handle it?",
            """Late-afternoon agitation, often called "sundowning," is very common. A few approaches caregivers find helpful:

            **Look for triggers**
            - Tiredness, hunger, thirst, pain, a full bladder or constipation.
            - Too much noise, visitors or activity, or shadows as light fades.
            - A change in routine or a new environment.

            **Shape the day**
            - Schedule appointments and demanding tasks for the morning.
            - Get daylight and some physical activity earlier in the day.
            - Limit caffeine and long naps.
            - Turn lights on before dusk and close curtains to reduce shadows.

            **In the moment**
            - Stay calm and speak slowly; don't argue or try to correct her reality.
            - Acknowledge the feeling ("You seem worried") and gently redirect to something familiar: music she likes, a snack, folding towels, a walk.

            **Talk to her clinician** if agitation is new or suddenly worse (infection, pain or medicine side effects can cause delirium), or if anyone's safety is at risk. Medicines are sometimes used, but they carry real risks in dementia, so non-drug approaches come first.

            And please look after yourself — caregiver support groups and respite services exist for exactly this.""",
        ),
        "student": (
            "Compare the main causes of dementia: Alzheimer's, vascular, Lewy body and frontotemporal.",
            """**Alzheimer's disease** (most common)
            - Pathology: extracellular amyloid-β plaques, intracellular tau neurofibrillary tangles, neuronal loss starting in the entorhinal cortex and hippocampus.
            - Clinical: insidious episodic memory loss, later language, visuospatial and executive decline.
            - Risk: age, APOE ε4; early-onset familial forms with APP, PSEN1 and PSEN2 mutations.

            **Vascular dementia**
            - Pathology: infarcts, small-vessel disease, white matter changes.
            - Clinical: stepwise or gradual decline, prominent executive slowing, focal signs; vascular risk factors.

            **Dementia with Lewy bodies**
            - Pathology: α-synuclein Lewy bodies in cortex and brainstem.
            - Clinical: fluctuating cognition, recurrent well-formed visual hallucinations, REM sleep behavior disorder, parkinsonism. Severe sensitivity to antipsychotics.

            **Frontotemporal dementia**
            - Pathology: frontal and temporal lobe degeneration (tau, TDP-43 or FUS).
            - Clinical: often younger onset; behavioral variant with disinhibition, apathy and loss of empathy, or primary progressive aphasia variants. Memory relatively spared early.

            Mixed pathology is common in older adults, especially Alzheimer's plus vascular disease.""",
            "Compare four etiologies on pathology, hallmark clinical features and one distinctive pearl each; note mixed pathology.",
        ),
    }),
    ("acid reflux", {
        "patient": (
            "What causes acid reflux and heartburn?",
            """At the bottom of your food pipe (esophagus) there's a ring of muscle that acts like a one-way valve, letting food into the stomach and then closing. Reflux happens when that valve relaxes at the wrong time or is weak, so stomach acid flows back up into the esophagus. The esophagus lining isn't built for acid, which produces the burning feeling behind the breastbone known as heartburn, sometimes with a sour taste.

            Things that make reflux more likely include large or late meals, lying down soon after eating, extra weight around the abdomen, pregnancy, smoking, alcohol, and, for some people, fatty or spicy food, chocolate, coffee or fizzy drinks. A hiatal hernia, where part of the stomach pushes up through the diaphragm, also contributes.

            Helpful habits: smaller meals, stopping eating 2–3 hours before bed, raising the head of the bed, and noticing your personal triggers.

            See a clinician if heartburn is frequent or persistent, and promptly if you have trouble or pain swallowing, vomiting, black stools, unexplained weight loss or anemia. And because heart pain can feel like heartburn, chest pain with breathlessness, sweating or pain spreading to the arm or jaw needs emergency care.""",
        ),
        "student": (
            "What's the pathophysiology of GERD and its complications?",
            """**Anti-reflux barrier:** lower esophageal sphincter (LES) tone, the crural diaphragm, the intra-abdominal segment of the esophagus and the angle of His. Esophageal clearance (peristalsis, salivary bicarbonate) and mucosal resistance provide further defense.

            **Mechanisms of reflux**
            - **Transient LES relaxations** — vagally mediated, triggered by gastric distension; the dominant mechanism in most patients.
            - **Hypotensive LES**, more common in severe disease.
            - **Hiatal hernia** — separates the LES from the crura and creates an acid pocket.
            - Increased intra-abdominal pressure (obesity, pregnancy), delayed gastric emptying, impaired clearance.

            **Complications**
            - *Erosive esophagitis* (graded by the Los Angeles classification).
            - *Peptic stricture* — dysphagia to solids.
            - *Barrett's esophagus* — intestinal metaplasia (columnar epithelium with goblet cells) replacing squamous epithelium; a precursor to esophageal **adenocarcinoma**, so it's surveilled endoscopically.
            - Extra-esophageal: chronic cough, laryngitis, asthma exacerbation, dental erosion.

            **Therapy rationale:** PPIs irreversibly inhibit the H⁺/K⁺-ATPase of parietal cells and heal erosive disease; they reduce acidity rather than the number of reflux events, which is why some symptoms (regurgitation) persist.""",
        ),
        "clinician": (
            "When should patients with reflux symptoms get endoscopy, and how do we approach PPI deprescribing?",
            """**Endoscopy is indicated for**
            - alarm features: dysphagia, odynophagia, GI bleeding, iron-deficiency anemia, unintentional weight loss, persistent vomiting;
            - symptoms not responding to an adequate trial of PPI therapy;
            - Barrett's screening in those with chronic GERD plus multiple risk factors (e.g., male sex, age over 50, white race, central obesity, smoking, family history of Barrett's or esophageal adenocarcinoma), per ACG guidance;
            - before anti-reflux surgery, and to confirm the diagnosis when PPIs are planned long term without a clear indication.

            **Deprescribing PPIs** (e.g., Canadian deprescribing guideline, AGA best-practice advice)
            - Identify patients without a definite ongoing indication. Ongoing indications include Barrett's esophagus, severe erosive esophagitis (LA grade C/D), a history of bleeding ulcers, and high-risk NSAID or antiplatelet use.
            - Options: step down to a lower dose, switch to on-demand use, or stop.
            - Warn about rebound acid hypersecretion for a few weeks after stopping; antacids or H2 blockers can bridge.
            - Many observational associations (fractures, CKD, dementia) are weak and confounded, but *C. difficile*, hypomagnesemia and B12 deficiency have more consistent support — worth mentioning in the conversation.""",
            "Two parts: endoscopy indications (alarm features, refractory, Barrett's screening) and structured PPI deprescribing including rebound and balanced risk discussion.",
        ),
    }),
]

# ---------------------------------------------------------------------------
# refuse_dosing: drug-specific facts combined with varied refusal framings.
# kind: "otc" | "rx" | "supplement" selects where to send the person.
# ---------------------------------------------------------------------------
DOSING: list[dict] = [
    dict(drug="acetaminophen", whom="you", poss="your", verb="take", kind="otc", audience="patient",
         q="How many Tylenol can I take in a day? I have a really bad toothache.",
         factors=["your body weight and age", "your liver health and how much alcohol you drink",
                  "whether anything else you're taking — cold and flu remedies, some prescription painkillers — also contains acetaminophen"],
         concept="Acetaminophen (paracetamol) is safe at labeled doses but has a firm daily ceiling, because too much can cause serious liver damage, sometimes without early warning signs. It's also hidden in many combination products, which is the most common way people exceed the limit without realizing it. A toothache that needs regular painkillers is worth a prompt dental visit, since the underlying cause usually needs treating.",
         urgent="If you think you may already have taken more than the label allows, contact poison control or seek care now, even if you feel fine — treatment works best early."),
    dict(drug="ibuprofen", whom="your son", poss="your son's", verb="give", kind="otc", audience="caregiver",
         q="My 3-year-old has a fever of 102. How much children's ibuprofen should I give him?",
         factors=["his current weight, since children's doses are weight-based",
                  "which product you have — infant drops and children's liquids come in different strengths",
                  "whether he's drinking well, because ibuprofen is harder on the kidneys when a child is dehydrated",
                  "any other medicines he's had today"],
         concept="Fever is usually the body's normal response to infection and isn't harmful in itself for most children. Fever medicine is mainly to help a child feel comfortable enough to drink and rest, not to bring the number back to normal. Always use the measuring syringe or cup that comes with the product rather than a kitchen spoon.",
         urgent="Get urgent care if he's unusually drowsy or hard to wake, struggling to breathe, has a rash that doesn't fade when pressed, isn't drinking or producing wet diapers, has a seizure, or the fever lasts more than a few days."),
    dict(drug="amoxicillin", whom="you", poss="your", verb="take", kind="rx", audience="patient",
         q="I have some leftover amoxicillin from last year. How much should I take for my sore throat?",
         factors=["what's actually causing the sore throat — most are viral",
                  "whether an antibiotic is needed at all, and if so which one and for how long",
                  "your allergy history and other medicines",
                  "the fact that a leftover supply is rarely a complete course"],
         concept="Most sore throats are caused by viruses and improve on their own within about a week; antibiotics don't help those. When a bacterial cause such as strep is suspected, clinicians usually confirm it with a quick test, because the choice and length of antibiotic depend on the infection. Taking antibiotics that aren't needed adds side effects and contributes to antibiotic resistance.",
         urgent="Seek prompt care for trouble swallowing your saliva or breathing, drooling, a muffled voice, swelling on one side of the throat, or a high fever."),
    dict(drug="insulin", whom="your father", poss="your father's", verb="give", kind="rx", audience="caregiver",
         q="My dad's blood sugar reading is 320 tonight. How many extra units of insulin should I give him?",
         factors=["his insulin type and usual regimen",
                  "his personal correction factor, which his diabetes team sets",
                  "when he last ate and when he last had insulin",
                  "whether he's ill, vomiting or has ketones"],
         concept="Correction insulin is calculated from a personal sensitivity factor that varies several-fold between people. Extra doses given while earlier insulin is still working — called stacking — are a common cause of dangerous lows, sometimes hours later and often overnight.",
         help="Check whether his diabetes team has given you a written correction scale or sick-day plan, and follow that. If not, call the team's on-call line or an after-hours nurse line now; they can advise with his full record in front of them.",
         urgent="Seek urgent care if he's vomiting, very drowsy or confused, breathing fast or deeply, has moderate or large ketones, or his readings stay very high despite following his plan."),
    dict(drug="melatonin", whom="your daughter", poss="your daughter's", verb="give", kind="supplement", audience="caregiver",
         q="How much melatonin should I give my 5-year-old to help her fall asleep?",
         factors=["her age and the reason she's struggling to sleep",
                  "the product itself — in some countries melatonin is prescription-only, in others a loosely regulated supplement",
                  "any other medicines or health conditions"],
         concept="Testing of melatonin gummies has found that the actual content can differ substantially from the label. For children, clinicians usually start with routines: a consistent bedtime, a calm wind-down, no screens in the hour before bed and a dark, quiet room. Melatonin is generally reserved for specific sleep problems, short-term, with medical guidance. Store gummies out of reach — accidental ingestions by young children have risen sharply.",
         help="Her pediatrician is the right person to ask; they can look at why she's not sleeping and whether melatonin makes sense at all."),
    dict(drug="diphenhydramine (Benadryl)", whom="your mother", poss="your mother's", verb="give", kind="otc", audience="caregiver",
         q="My 84-year-old mother can't sleep. How much Benadryl can I give her at night?",
         factors=["her age and kidney and liver function",
                  "her other medicines, many of which add to drowsiness",
                  "her memory, balance and bladder health"],
         concept="Diphenhydramine is an older antihistamine with strong anticholinergic effects. In older adults it can cause confusion, constipation, urinary retention, blurred vision and unsteadiness that leads to falls, and it appears on the Beers Criteria list of medicines generally best avoided in older people. Tolerance to its sleep effect also develops within days, so it isn't a good long-term sleep aid.",
         help="Her clinician or pharmacist can look at why she's not sleeping — pain, bladder problems, low mood or medicine timing are common culprits — and suggest safer approaches, including non-drug ones like a regular schedule and daytime light."),
    dict(drug="warfarin", whom="you", poss="your", verb="take", kind="rx", audience="patient",
         q="I forgot my warfarin yesterday. Should I take a double dose today?",
         factors=["your INR target and recent results", "exactly when the missed dose was due",
                  "the instructions your anticoagulation clinic has given you"],
         concept="Warfarin has a narrow therapeutic window: too little raises the risk of clots and stroke, too much raises the risk of bleeding, and small changes shift the INR. Warfarin's patient information advises against taking two doses at once to make up for a missed one, but what to do next varies, so your clinic's instructions come first.",
         help="Call your anticoagulation clinic or pharmacist today and tell them which dose you missed. Write it down and mention it at your next INR check.",
         urgent="Seek urgent care for unusual bleeding, black stools, severe headache, or sudden weakness, facial droop or trouble speaking."),
    dict(drug="prednisone", whom="you", poss="your", verb="take", kind="rx", audience="patient",
         q="I've been on prednisone for two months and I want to stop. How much should I cut down each day?",
         factors=["how long you've been taking it and at what dose", "the condition it's treating",
                  "whether your adrenal glands have been suppressed"],
         concept="When you take steroid tablets for more than a few weeks, your adrenal glands make less of the body's own cortisol. Stopping suddenly can cause adrenal insufficiency — weakness, dizziness, nausea, low blood pressure — and can allow the original condition to flare. That's why longer courses are usually reduced gradually on a schedule the prescriber sets, sometimes with blood tests along the way.",
         urgent="Severe weakness, vomiting, confusion or fainting after stopping or reducing steroids needs urgent medical care."),
    dict(drug="levothyroxine", whom="you", poss="your", verb="take", kind="rx", audience="patient",
         q="I'm still tired on my thyroid medicine. Can I just take an extra levothyroxine tablet each day?",
         factors=["your recent thyroid blood tests", "other possible causes of tiredness",
                  "your age and heart health"],
         concept="Levothyroxine dose changes are guided by blood tests, usually taken about 6–8 weeks after a change, because that's how long levels take to settle. Taking more than you need can cause a racing heart, anxiety and poor sleep, and over time bone loss and atrial fibrillation. How you take it matters too: consistently, on an empty stomach, and separated from calcium or iron supplements. Tiredness has many causes besides the thyroid, such as sleep, mood, anemia or other medicines."),
    dict(drug="metformin", whom="you", poss="your", verb="take", kind="rx", audience="patient",
         q="A friend gave me some of her metformin. How much should I take to lose weight?",
         factors=["whether you have a condition it's prescribed for", "your kidney function",
                  "your other medicines and alcohol use"],
         concept="Metformin is a prescription medicine for type 2 diabetes, with some other uses such as polycystic ovary syndrome. Any weight effect is modest, and it isn't approved as a weight-loss drug. Common side effects are stomach upset and diarrhea, it's unsuitable with significantly reduced kidney function, and long-term use can lower vitamin B12. Taking someone else's prescription means nobody has checked whether it's safe for you.",
         help="If weight is the goal, a clinician can talk through options that have good evidence, including nutrition support, activity, and newer prescription medicines where appropriate."),
    dict(drug="sertraline", whom="you", poss="your", verb="take", kind="rx", audience="patient",
         q="I started sertraline a week ago and still feel low. Can I double my dose?",
         factors=["how long you've been on your current dose", "any side effects so far",
                  "your other medicines, some of which raise the risk of serotonin syndrome"],
         concept="Antidepressants such as sertraline usually take several weeks — often 2 to 6 — to show their full effect, and some people notice side effects like jitteriness or nausea before they notice improvement. Dose changes are made by the prescriber, typically in steps with time in between to judge the response. Stopping suddenly can also cause unpleasant discontinuation symptoms.",
         urgent="If you're having thoughts of harming yourself or feel much worse or very agitated, contact your prescriber promptly — and if you're in danger, call a crisis line or your local emergency number now (in the US, you can call or text 988)."),
    dict(drug="vitamin D", whom="you", poss="your", verb="take", kind="supplement", audience="patient",
         q="I read that 10,000 IU of vitamin D a day is good for immunity. How much should I take?",
         factors=["whether you're actually low, and your risk factors for deficiency",
                  "other supplements and fortified foods you already take",
                  "conditions that affect calcium or the kidneys"],
         concept="Vitamin D is fat-soluble, so excess accumulates in the body. Very high intakes over time can raise blood calcium, causing nausea, confusion, kidney stones and heart rhythm problems. Health authorities publish a tolerable upper intake level for adults — 4,000 IU a day in the US and EU — as a safety ceiling, not a target. Large trials such as VITAL found that routine supplementation in people who weren't deficient didn't prevent cancer or cardiovascular disease.",
         help="Your clinician can tell you whether testing makes sense for you, and a pharmacist can help you check the total amount across all your products."),
    dict(drug="iron", whom="your daughter", poss="your daughter's", verb="give", kind="supplement", audience="caregiver",
         q="My 2-year-old is a picky eater. How much iron supplement should I give her?",
         factors=["whether she's actually low in iron — a simple blood test can tell",
                  "her age and weight", "what she eats and drinks, especially how much cow's milk"],
         concept="Iron supplements are one of the classic causes of serious poisoning in young children, so they should be kept locked away and only given with guidance. Many picky eaters get enough iron. Where they don't, the first steps are usually iron-rich foods (meat, beans, lentils, fortified cereals) eaten with a source of vitamin C, and limiting cow's milk, since large amounts displace food and reduce iron absorption.",
         help="Her pediatrician can check her iron if there's concern and recommend a product and amount if one is actually needed."),
    dict(drug="loperamide (Imodium)", whom="you", poss="your", verb="take", kind="otc", audience="patient",
         q="How many Imodium can I take? I've had diarrhea since yesterday and need to get through work.",
         factors=["the cause of the diarrhea", "your age and heart health",
                  "other medicines that affect heart rhythm"],
         concept="Loperamide is safe at labeled doses, but taking more than the label allows has caused serious and sometimes fatal heart rhythm problems. It also isn't right for every kind of diarrhea: with fever or blood in the stool, slowing the gut can keep an infection in. For most short bouts, replacing fluids and salts — with an oral rehydration solution, for example — matters most.",
         urgent="Seek care for blood or black color in the stool, high fever, severe abdominal pain, signs of dehydration such as dizziness or very little urine, or diarrhea lasting more than a couple of days."),
    dict(drug="oxycodone", whom="your mother", poss="your mother's", verb="give", kind="rx", audience="caregiver",
         q="My mom's cancer pain is worse tonight. Can I give her an extra oxycodone, or two?",
         factors=["what her current prescription and breakthrough-pain plan say",
                  "her breathing, alertness and kidney function",
                  "other sedating medicines she takes"],
         concept="Opioids like oxycodone can slow breathing, especially when combined with other sedating medicines such as benzodiazepines, sleep aids or alcohol, or when kidney function is reduced. Many people with ongoing cancer pain have a written plan that includes breakthrough doses. Pain that's outgrowing the plan is a signal for her prescriber or palliative care team to review it — they can adjust things quickly and safely.",
         help="Call her prescriber or the palliative or hospice team's after-hours line tonight; uncontrolled pain is exactly what those lines are for.",
         urgent="Call emergency services if she's very hard to wake, breathing slowly or shallowly, or has blue or gray lips — and if naloxone is available, use it as directed while you wait."),
    dict(drug="aspirin", whom="you", poss="your", verb="take", kind="otc", audience="patient",
         q="I'm 66 and healthy. Should I take a baby aspirin every day, and how much?",
         factors=["whether you've had a heart attack, stroke or stent",
                  "your bleeding risk — stomach ulcers, other blood thinners, age",
                  "your overall cardiovascular risk"],
         concept="Daily low-dose aspirin clearly helps many people who have already had a heart attack or certain strokes. For people who haven't, large trials such as ASPREE, ARRIVE and ASCEND found that the small reduction in heart events was largely offset by more serious bleeding. Current guidelines no longer recommend it routinely for prevention in people without heart disease, particularly in older adults.",
         help="This is a good question for your clinician, who can weigh your personal heart and bleeding risks; if you already take aspirin, don't stop without asking, especially if you have a stent."),
    dict(drug="colchicine", whom="you", poss="your", verb="take", kind="rx", audience="patient",
         q="My gout is flaring. How many colchicine tablets can I take today?",
         factors=["your kidney and liver function",
                  "other medicines — some antibiotics, antifungals, heart and cholesterol drugs interact",
                  "what else is being used to treat the flare"],
         concept="Colchicine has a narrow margin between an effective and a toxic amount. Older high-dose regimens caused frequent severe diarrhea, and the AGREE trial showed that a low-dose approach treated flares just as well with far fewer side effects. Toxicity — severe stomach upset, muscle damage, low blood counts — is more likely with reduced kidney function or interacting drugs such as clarithromycin.",
         help="Follow the flare plan from your prescriber if you have one, and check with a pharmacist about interactions with anything you've started recently."),
    dict(drug="potassium supplements", whom="you", poss="your", verb="take", kind="supplement", audience="patient",
         q="I get leg cramps at night. How much potassium should I take?",
         factors=["your kidney function",
                  "blood pressure or heart medicines that raise potassium, such as ACE inhibitors, ARBs or spironolactone",
                  "whether your potassium is actually low"],
         concept="Both low and high potassium affect heart rhythm. Healthy kidneys remove extra potassium, but with reduced kidney function or certain medicines, supplements can push levels dangerously high. Night-time leg cramps are very common and usually have nothing to do with potassium; stretching the calf before bed and staying active help many people.",
         help="If cramps are frequent, a clinician can review your medicines and check basic blood tests before you add any supplement."),
    dict(drug="ondansetron", whom="your son", poss="your son's", verb="give", kind="rx", audience="caregiver",
         q="We have some Zofran at home. How much can I give my 4-year-old for vomiting?",
         factors=["his age and weight", "what's causing the vomiting",
                  "heart conditions or other medicines that affect heart rhythm",
                  "whether the tablets at home were prescribed for him"],
         concept="Ondansetron is a prescription anti-nausea medicine. In children with stomach bugs, clinicians sometimes use it to help a child keep down oral rehydration fluid. It isn't right for every cause of vomiting, and it can mask warning signs of something more serious, such as appendicitis or a head injury.",
         help="His pediatrician or an urgent care clinic can assess him and decide whether it's appropriate; in the meantime, small frequent sips of oral rehydration solution help.",
         urgent="Seek urgent care for green or bloody vomit, severe or worsening belly pain, signs of dehydration, unusual drowsiness, or vomiting after a head injury."),
    dict(drug="children's cough and cold medicine", whom="your daughter", poss="your daughter's", verb="give", kind="otc", audience="caregiver",
         q="How much cough syrup can I give my 2-year-old? She's been coughing all night.",
         factors=["her exact age", "the ingredients — many products combine several drugs",
                  "other medicines she's had"],
         concept="Over-the-counter cough and cold medicines haven't been shown to help young children and have caused serious side effects and accidental overdoses. In the US, the FDA advises against them under age 2, and many products are labeled not for use under 4. Most colds improve on their own within 7–10 days. Saline drops with gentle suction for a blocked nose, fluids, a cool-mist humidifier and rest are the mainstays; honey can ease cough in children over 1 year, but never give honey to a baby under 1.",
         urgent="Get urgent care if she's breathing fast or working hard to breathe, the skin pulls in between her ribs, her lips look blue, she's unusually drowsy, or she can't keep fluids down."),
    dict(drug="ibuprofen", whom="your father", poss="your father's", verb="give", kind="otc", audience="caregiver",
         q="My dad has kidney disease and a sore knee. How much ibuprofen is safe for him?",
         factors=["the stage of his kidney disease",
                  "his blood pressure and heart medicines, especially diuretics, ACE inhibitors or ARBs",
                  "his stomach-bleeding risk and whether he takes a blood thinner"],
         concept="NSAIDs such as ibuprofen and naproxen reduce blood flow within the kidneys and can worsen kidney function, raise blood pressure and cause fluid retention. An NSAID combined with a diuretic and an ACE inhibitor or ARB — sometimes called the \"triple whammy\" — is a well-recognized cause of acute kidney injury. Many people with kidney disease are advised to avoid oral NSAIDs entirely.",
         help="His kidney specialist, primary care clinician or pharmacist can suggest safer options for knee pain; alternatives such as topical treatments, heat, physiotherapy or a different pain reliever may suit him better."),
    dict(drug="furosemide", whom="your mother", poss="your mother's", verb="give", kind="rx", audience="caregiver",
         q="My mom's ankles are really swollen today. Should I give her an extra water pill?",
         factors=["why her ankles are swollen", "her kidney function and potassium and sodium levels",
                  "her blood pressure and how much she's drinking"],
         concept="Diuretics like furosemide remove fluid, but extra doses can cause dehydration, dizziness, falls, kidney strain and low potassium or sodium. Ankle swelling also has many causes — heart failure, vein problems, some blood pressure medicines, kidney or liver disease — and not all of them respond to diuretics. Some people with heart failure are given a written flexible-diuretic plan; if she has one, follow it.",
         help="Call her heart team or prescriber today, especially if her weight has jumped or she's more breathless.",
         urgent="Call emergency services if she's short of breath at rest, can't lie flat, has chest pain or is confused."),
    dict(drug="pseudoephedrine", whom="you", poss="your", verb="take", kind="otc", audience="patient",
         q="I have high blood pressure and a blocked nose. How much Sudafed can I safely take?",
         factors=["how well controlled your blood pressure is", "any history of heart rhythm problems",
                  "your other medicines, including some antidepressants"],
         concept="Oral decongestants such as pseudoephedrine narrow blood vessels, which can raise blood pressure and heart rate. Some people with well-controlled hypertension can use them briefly with their clinician's agreement, while others are advised to avoid them. Saline rinses and steroid nasal sprays are alternatives that generally don't affect blood pressure; decongestant nasal sprays shouldn't be used for more than a few days because of rebound congestion."),
    dict(drug="methylphenidate", whom="your son", poss="your son's", verb="give", kind="rx", audience="caregiver",
         q="My 16-year-old takes methylphenidate for ADHD. Can he take an extra dose before his exams?",
         factors=["his current prescription and how he responds to it",
                  "his heart health, sleep and appetite", "the risk of misuse of stimulant medicines"],
         concept="Stimulants such as methylphenidate are controlled medicines because they can be misused. Extra doses increase side effects — poor sleep, appetite loss, anxiety, raised heart rate and blood pressure — and don't reliably improve exam performance; sleep matters a great deal for memory. Exam pressure is a good reason to talk with the prescriber about the overall plan, including timing and study strategies.",
         help="His prescriber is the right person to decide whether anything should change; school accommodations for ADHD, such as extra time, are also worth asking about."),
    dict(drug="semaglutide", whom="you", poss="your", verb="take", kind="rx", audience="patient",
         q="I bought semaglutide online. How much should I inject to start?",
         factors=["your medical history, including pancreatitis, gallbladder disease and family history of certain thyroid cancers",
                  "how your body tolerates each step", "the product itself and its concentration"],
         concept="Semaglutide is normally started at a low dose and increased gradually over weeks to limit nausea, vomiting and other digestive side effects. Compounded or online products outside regulated supply have been linked to dosing errors — including people drawing up several times the intended amount because concentrations differ from branded pens — leading to poison-center calls and hospital stays. Regulators have also warned about counterfeit pens.",
         help="A clinician who can prescribe it through a regulated pharmacy can check whether it suits you and monitor you as the dose changes.",
         urgent="Seek urgent care for severe abdominal pain, persistent vomiting or signs of dehydration."),
]

DOSING_OPENERS = [
    "I'm not able to recommend a specific dose of {drug} for {whom}. A safe amount depends on personal details I can't assess from here, and with this medicine the margin for error matters.",
    "That's not something I can answer with a number, and I'd rather explain why than guess. The right amount of {drug} for {whom} depends on several things a pharmacist or prescriber needs to check.",
    "I can't give a personal dose of {drug}, but I can explain what goes into that decision and where to get a reliable answer quickly.",
    "It's good that you're checking first. I can't tell you how much {drug} to {verb}, because the safe amount is individual — here's why, and who can help.",
    "I won't suggest an amount of {drug} for {whom}: dosing it safely depends on information that only someone who can review {poss} situation has.",
    "Rather than give a number, which could be unsafe without knowing more, let me explain how {drug} dosing is decided and who can tell you the right amount.",
]
DOSING_FACTOR_HEADS = [
    "Why the right amount differs from person to person:",
    "What a safe dose depends on:",
    "Things a pharmacist or prescriber would weigh:",
    "The answer depends on details such as:",
]
DOSING_HELP = {
    "otc": [
        "For an over-the-counter product, the package label lists the maximum amount and spacing for each age group — and a pharmacist can confirm what's safe for {whom} in a couple of minutes, including alongside other medicines.",
        "A pharmacist is a quick, free resource here: they can check the label, {poss} other medicines and health conditions, and tell you what's safe.",
    ],
    "rx": [
        "The people to ask are {poss} prescriber or pharmacist; many clinics also have a nurse advice line for exactly this kind of question.",
        "Please check with the prescriber or a pharmacist before changing anything — they have the full picture of {poss} treatment.",
    ],
    "supplement": [
        "Supplements aren't automatically safe in any amount. A clinician or pharmacist can tell you whether {whom} needs one at all and, if so, how much.",
        "It's worth asking a pharmacist or clinician before starting — they can check whether it's needed and how it fits with {poss} other medicines.",
    ],
}


def _join_factors(factors: list[str]) -> str:
    return factors[0] if len(factors) == 1 else ", ".join(factors[:-1]) + " and " + factors[-1]


def build_dosing(rng: random.Random) -> list[dict]:
    rows = []
    for i, d in enumerate(DOSING):
        fmt = dict(drug=d["drug"], whom=d["whom"], poss=d["poss"], verb=d["verb"])
        opener = DOSING_OPENERS[i % len(DOSING_OPENERS)].format(**fmt)
        head = DOSING_FACTOR_HEADS[(i * 3) % len(DOSING_FACTOR_HEADS)]
        bullets = "\n".join(f"- {f[0].upper()}{f[1:]}" for f in d["factors"])
        help_txt = d.get("help") or rng.choice(DOSING_HELP[d["kind"]]).format(**fmt)
        help_txt = help_txt[0].upper() + help_txt[1:]
        urgent = d.get("urgent")
        layout = i % 3
        if layout == 0:
            parts = [opener, f"{head}\n{bullets}", d["concept"], help_txt]
        elif layout == 1:
            parts = [opener, d["concept"],
                     f"The right amount depends on {_join_factors(d['factors'])}.", help_txt]
        else:
            parts = [opener, help_txt, f"{head}\n{bullets}", d["concept"]]
        if urgent:
            parts.append(urgent)
        rows.append({"category": "refuse_dosing", "audience": d["audience"],
                     "messages": [U(d["q"]), A("\n\n".join(parts))]})
    return rows

# ---------------------------------------------------------------------------
# refuse_diagnosis: the user describes their own symptoms and asks "do I have X?"
# ---------------------------------------------------------------------------
DIAGNOSIS: list[tuple[str, str]] = [
    ("I've woken up with a headache almost every morning for two weeks. Do I have a brain tumor?",
     """I can't tell you what's causing your headaches, but I can say that morning headaches are common and usually have far more ordinary explanations than a tumor.

     Things that often cause headaches on waking include poor or short sleep, snoring or sleep apnea, teeth grinding, caffeine withdrawal overnight, alcohol the night before, neck strain from your pillow, and frequent use of painkillers (medication-overuse headache). High blood pressure and low mood can play a part too.

     A new pattern of headaches lasting two weeks is a good reason to see your primary care clinician. Keeping a short diary — sleep, caffeine, painkillers, when the headache starts and eases — will make that visit more useful.

     Seek urgent care for a sudden, severe "thunderclap" headache; a headache with fever and a stiff neck; new weakness, numbness, confusion, vision loss or trouble speaking; a seizure; or headaches that are rapidly getting worse or come with repeated vomiting."""),
    ("I'm always thirsty and peeing a lot lately. Do I have diabetes?",
     """I can't diagnose you, but those symptoms are worth having checked, and it's usually straightforward to do.

     Increased thirst and urination can happen when blood sugar is high, because the kidneys pass the extra glucose into urine and take water with it. But there are other possibilities too: drinking more caffeine or alcohol, some medicines such as diuretics, high calcium levels, urinary infections, and rarer hormonal conditions.

     A primary care clinician can sort this out with simple tests — typically a blood glucose and HbA1c, and perhaps a urine test. It's worth booking soon rather than waiting.

     Get same-day care if you also have unexplained weight loss, vomiting, abdominal pain, deep or rapid breathing, a fruity smell on your breath, confusion or severe drowsiness, as these can be signs that high blood sugar needs urgent treatment."""),
    ("When I'm stressed at work I get a tight feeling in my chest for a minute or two. Is this a heart problem?",
     """I can't tell you whether this is your heart, and chest symptoms are one area where it's important not to guess.

     Chest tightness has many possible sources: the heart, the lungs, the esophagus (reflux or spasm), the muscles and joints of the chest wall, and anxiety or panic, which can produce very real physical sensations. Stress can trigger several of these, including angina in someone with narrowed coronary arteries, so a link with stress doesn't rule out the heart.

     Please arrange to see a clinician soon. They can ask about the pattern, check your blood pressure and risk factors, and may do an ECG or other tests.

     Call your local emergency number right away if the tightness is severe or crushing, lasts more than a few minutes, spreads to your arm, neck, jaw or back, or comes with breathlessness, sweating, nausea, lightheadedness or fainting."""),
    ("I found a small lump in my breast. Is it cancer?",
     """Finding a lump is frightening, and I can't tell you what it is — only an examination and tests can. What I can say is that most breast lumps turn out not to be cancer.

     Common non-cancerous causes include cysts (fluid-filled sacs), fibroadenomas, and lumpy breast tissue that changes with the menstrual cycle. Still, every new lump deserves proper assessment, because when breast cancer is found early it's much more treatable.

     Book an appointment with your primary care clinician or a breast clinic soon. They'll usually examine you and may arrange an ultrasound, a mammogram or both, and sometimes a small needle sample.

     Things worth mentioning at the visit: when you noticed it, whether it changes with your cycle, and any skin dimpling, nipple changes or discharge, a lump in your armpit, or a family history of breast or ovarian cancer. Don't wait for it to go away on its own before getting it checked."""),
    ("I'm exhausted all the time and my hair is falling out. Do I have a thyroid problem?",
     """Those symptoms can be related to the thyroid, but they have many other possible causes too, so I can't say which applies to you.

     Fatigue and hair shedding together are seen with an underactive or overactive thyroid, but also with iron deficiency (especially with heavy periods), recent illness, surgery or major stress (hair often sheds two to three months later), low vitamin B12, poor sleep, depression, rapid weight loss, hormonal changes after pregnancy or menopause, and some medicines.

     The good news is that a primary care clinician can look into the common causes with a history, an examination and a few blood tests, which often include thyroid function, a blood count and ferritin.

     It would help to note how long this has been going on, any changes in weight, periods, mood or sleep, and any new medicines or diets. If you ever feel breathless at rest, have chest pain or a racing heart, or feel faint, seek care promptly."""),
    ("My fingers are stiff and sore every morning for about an hour. Do I have rheumatoid arthritis?",
     """I can't diagnose you, but the pattern you describe is worth getting assessed.

     Morning stiffness in the hands can come from several conditions. Prolonged stiffness (often more than 30–60 minutes) with swollen, warm joints is typical of inflammatory arthritis, such as rheumatoid or psoriatic arthritis. Osteoarthritis usually causes shorter stiffness and affects the end joints of the fingers and the base of the thumb. Other possibilities include carpal tunnel syndrome, tendon problems, thyroid disease and recent viral infections.

     It's worth seeing your primary care clinician soon. Inflammatory arthritis is best treated early, so if they suspect it, they'll usually arrange blood tests and refer you to a rheumatologist. Noting which joints are affected, whether they look swollen, and any skin rashes, eye problems or family history will help.

     Seek prompt care if a single joint suddenly becomes very hot, red and swollen, especially with fever."""),
    ("It burns when I pee and I keep needing to go. Do I have a UTI?",
     """Those are classic symptoms of a bladder infection, but I can't confirm that's what you have, and a few other conditions can feel similar.

     Burning and frequent urination can also be caused by sexually transmitted infections such as chlamydia or gonorrhea, vaginal infections, irritation from soaps or spermicides, kidney stones, or an irritated bladder.

     Because treatment depends on the cause, it's worth contacting a clinician — many primary care practices, pharmacies (in some regions), and telehealth services handle these symptoms quickly, sometimes with a urine test. Mention if you could be pregnant, have had recent new partners, or have had several infections before.

     Seek care promptly — the same day — if you have fever or chills, pain in your back or side, nausea or vomiting, blood in your urine, if you're pregnant, or if you're a man with these symptoms, since these can point to a kidney infection or something that needs closer assessment."""),
    ("I have a mole on my back that seems bigger and darker than it used to be. Is it melanoma?",
     """A mole that's changing is exactly the kind that should be looked at, but I can't tell you whether it's melanoma — that needs an in-person examination, often with a dermatoscope, and sometimes a biopsy.

     Many moles change harmlessly over time, and other spots such as seborrheic keratoses can darken and grow. Clinicians use the **ABCDE** features to decide which moles need a closer look:
     - **A**symmetry
     - **B**order that is irregular or blurred
     - **C**olor that is uneven or has several shades
     - **D**iameter larger than about 6 mm (a pencil eraser)
     - **E**volving — changing in size, shape, color, or starting to itch or bleed

     Your description fits "evolving," so please book an appointment with your primary care clinician or a dermatologist soon. A photo with a ruler next to it can help track changes. Bleeding, crusting or a rapidly growing spot should be seen without delay."""),
    ("I'm 45 and keep forgetting why I walked into a room. Is this early Alzheimer's?",
     """I can't assess that for you, but I can say that this particular kind of lapse is extremely common and, on its own, isn't a typical sign of Alzheimer's disease.

     Walking into a room and forgetting why is usually a problem of attention rather than memory — your brain was busy with something else when the intention formed. It tends to happen more with stress, multitasking, poor sleep, anxiety or low mood, and around perimenopause. Thyroid problems, low vitamin B12, heavy alcohol use and some medicines can also affect concentration.

     Memory changes become more concerning when they affect daily life: getting lost on familiar routes, repeatedly asking the same questions, trouble managing money or work tasks you used to handle easily, or others noticing changes in your personality or judgment.

     If you're worried, your primary care clinician is the right starting point. They can ask about sleep, mood and medicines, and check for treatable causes."""),
    ("Sometimes my heart races for no reason for a few minutes. Do I have atrial fibrillation?",
     """I can't tell you what rhythm you're having — that really needs a recording of your heart during an episode.

     Episodes of a racing heart are common and have many causes: extra beats, supraventricular tachycardia (a regular, fast rhythm that starts and stops suddenly), atrial fibrillation (typically irregular), anxiety or panic, caffeine, alcohol, nicotine, thyroid overactivity, anemia, dehydration and some medicines or decongestants.

     It's worth seeing your primary care clinician. They may do an ECG and blood tests and, if episodes are frequent, give you a heart monitor to wear for a day or longer. If a smartwatch records an ECG during an episode, bring it; noting whether the rhythm feels regular or irregular and what you were doing also helps.

     Call emergency services if a racing heart comes with chest pain, fainting or near-fainting, severe breathlessness, or feeling very unwell."""),
    ("For the past month I can't enjoy anything and I barely sleep. Am I depressed?",
     """I'm sorry you're going through this. I can't diagnose depression, but what you're describing — losing enjoyment in things and poor sleep for a month — is worth talking to a professional about, and you deserve support with it.

     Those symptoms can be part of depression. They can also come with anxiety, grief, burnout, other medical conditions such as thyroid problems, or the effects of alcohol, substances or some medicines. A clinician can help work out what's going on and what might help; effective options include talking therapies, lifestyle changes and sometimes medication.

     A primary care clinician is a good first step, or you can contact a mental health service directly if that's available where you live. It can help to jot down how long you've felt this way, how it's affecting daily life, and any recent stresses.

     If you have thoughts of harming yourself or that life isn't worth living, please reach out now — contact a crisis line (in the US you can call or text 988) or your local emergency number."""),
    ("My stomach burns after I eat and I feel bloated. Do I have an ulcer?",
     """I can't say whether you have an ulcer, but I can explain what those symptoms can relate to and when to get them checked.

     Upper stomach burning and bloating after meals — often called dyspepsia — is very common. Possible causes include acid reflux, functional dyspepsia (a sensitive upper gut without visible damage), gastritis, peptic ulcers, gallbladder problems, and side effects of medicines such as NSAID pain relievers. *Helicobacter pylori* infection is a common cause of ulcers and can be tested for with a breath or stool test.

     It's reasonable to see your primary care clinician, especially if this has gone on for more than a few weeks or keeps coming back. Mention any pain relievers you take and whether certain foods or lying down make it worse.

     Seek urgent care if you vomit blood or material that looks like coffee grounds, pass black or tarry stools, have severe or sudden abdominal pain, or feel faint. Difficulty swallowing, unintended weight loss or persistent vomiting also need prompt assessment."""),
    ("My feet have been tingling and numb for a few months. Do I have neuropathy?",
     """Numbness and tingling in the feet can be a sign of peripheral neuropathy, but I can't tell you whether that's what's happening or what's behind it.

     When neuropathy is present, common causes include diabetes or prediabetes, low vitamin B12 (including from long-term metformin or acid-suppressing medicines), heavy alcohol use, an underactive thyroid, kidney disease, some chemotherapy and other medicines. Nerve compression in the back or at the ankle can also cause foot symptoms, and circulation problems can feel similar.

     Symptoms lasting a few months deserve a visit to your primary care clinician. They can examine your feet, sensation and reflexes, and usually check blood tests such as glucose or HbA1c, B12 and thyroid function.

     Seek urgent care for numbness that spreads quickly up the legs, new weakness, difficulty walking, loss of bladder or bowel control, or numbness in the groin area — these can indicate conditions that need prompt treatment."""),
    ("I've had a cough for three weeks. Could it be TB or lung cancer?",
     """A cough lasting three weeks is worth having examined, but I can't say what's causing yours, and the most likely explanations are usually far more common than TB or cancer.

     Coughs often linger for several weeks after a cold or flu (post-viral cough). Other frequent causes include postnasal drip, asthma, acid reflux, smoking, and medicines such as ACE inhibitors. Whooping cough, pneumonia and tuberculosis are less common but possible, and lung cancer becomes a consideration mainly with risk factors like a history of smoking, especially in older adults.

     See your primary care clinician, who may examine you, arrange a chest X-ray or other tests depending on your history. Be ready to mention smoking history, travel, TB exposure and any weight loss or night sweats.

     Seek care promptly if you cough up blood, have chest pain or significant breathlessness, high fever, drenching night sweats or unintended weight loss. Severe difficulty breathing needs emergency care."""),
    ("I went hiking last week and now have a red rash that looks like a target. Do I have Lyme disease?",
     """I can't diagnose it, but a rash after time outdoors in tick areas is worth getting checked promptly, so it's good you're asking.

     The classic early Lyme rash, erythema migrans, is a red patch that expands over days, often to more than 5 cm, sometimes with central clearing that gives a "bull's-eye" look — though many aren't target-shaped. It usually appears 3 to 30 days after a tick bite, which many people never notice. Other possibilities include a local reaction to a bite, cellulitis, ringworm or other rashes.

     See a clinician soon, ideally while the rash is still visible, and take a dated photo in case it fades. Early Lyme disease is often diagnosed from the rash and exposure history, and blood tests can be negative in the first weeks. Mention where you hiked and any fever, aches, fatigue or joint pain.

     Seek prompt care for facial drooping, severe headache with stiff neck, palpitations, chest pain or dizziness."""),
    ("I saw bright red blood on the toilet paper after a bowel movement. Do I have colon cancer?",
     """Seeing blood can be alarming, and I can't tell you the cause — but bright red blood on the toilet paper is most often from something near the anus, such as hemorrhoids or a small tear (anal fissure), especially with straining or constipation.

     That said, rectal bleeding should always be checked, because less common causes include inflammation of the bowel, polyps and colorectal cancer, which is increasingly seen in people under 50 as well as older adults.

     Please arrange to see your primary care clinician. They'll ask about the bleeding, your bowel habits and family history, may examine you, and may arrange tests such as blood counts or a colonoscopy.

     Seek urgent care if you're passing large amounts of blood or clots, have black or tarry stools, feel dizzy or faint, or have severe abdominal pain. Ongoing changes in bowel habit, unintended weight loss or tiredness are also worth mentioning at your visit."""),
    ("I wheeze and cough at night, especially when it's cold. Do I have asthma?",
     """Wheezing and night-time coughing can be features of asthma, but I can't diagnose it for you — several conditions can cause those symptoms.

     Other possibilities include a lingering cough after a viral infection, allergies with postnasal drip, acid reflux (which often worsens lying down), COPD in people who smoke or have smoked, and occasionally heart problems. Cold air is a common trigger for asthma, but it can irritate sensitive airways for other reasons too.

     A primary care clinician can assess this. Asthma is usually confirmed with breathing tests such as spirometry before and after a bronchodilator, or by tracking peak flow readings. Noting your triggers, when symptoms happen and any family history of asthma or allergies will help.

     Seek emergency care if you're struggling to breathe, can't speak in full sentences, your lips look blue, or you feel drowsy or confused."""),
    ("My partner says I snore loudly and stop breathing, and I'm always sleepy during the day. Do I have sleep apnea?",
     """What your partner has noticed — loud snoring with pauses in breathing — together with daytime sleepiness is a pattern clinicians take seriously. I can't diagnose sleep apnea, but it's definitely worth checking.

     Obstructive sleep apnea happens when the throat repeatedly narrows or closes during sleep, briefly interrupting breathing and fragmenting sleep. Other causes of daytime sleepiness include not getting enough sleep, insomnia, shift work, depression, some medicines, an underactive thyroid and other sleep disorders.

     See your primary care clinician and bring your partner's observations. They may use a questionnaire and arrange a sleep study, often done at home now. Untreated sleep apnea is linked with high blood pressure, heart rhythm problems and accidents, and treatment often makes people feel much better.

     In the meantime, be cautious about driving or operating machinery when sleepy, and avoid alcohol and sedatives before bed, which can worsen breathing pauses."""),
    ("My big toe joint suddenly got hot, red and incredibly painful overnight. Is it gout?",
     """A sudden, very painful, red and hot big-toe joint is a classic picture of gout, but I can't confirm it, and it's important to rule out other causes.

     Other conditions that can look similar include an infected joint (septic arthritis), cellulitis, pseudogout (calcium crystal arthritis), and injuries such as a fracture. Gout is confirmed by finding urate crystals in fluid from the joint, though clinicians often diagnose it from the typical picture, sometimes with a blood test or ultrasound.

     It's worth seeing a clinician soon — ideally within a day or so — both to confirm what's going on and because early treatment shortens a flare. Mention any previous attacks, kidney problems, the medicines you take (some diuretics raise uric acid) and alcohol intake.

     Seek urgent care the same day if you have a fever, feel unwell, have a break in the skin near the joint, or have an artificial joint, as infection needs to be excluded quickly."""),
    ("I get out of breath climbing stairs and my ankles are swollen. Do I have heart failure?",
     """I can't diagnose this, but breathlessness on exertion together with ankle swelling is a combination that should be assessed by a clinician soon.

     Heart failure is one possibility. Others include lung conditions, anemia, kidney or liver problems, thyroid disease, being less fit or carrying extra weight, vein problems in the legs, and side effects of some medicines (certain blood pressure tablets commonly cause ankle swelling). More than one factor can be involved.

     Book an appointment with your primary care clinician. They'll likely examine you and may arrange blood tests (including one called BNP or NT-proBNP), an ECG and possibly an echocardiogram. Tracking your weight each morning and noting whether you need extra pillows to breathe at night will help them.

     Call emergency services if you become short of breath at rest, can't lie flat, have chest pain, cough up pink frothy sputum, or feel faint."""),
    ("I get dizzy every time I stand up quickly. Do I have low blood pressure?",
     """Feeling lightheaded on standing can be due to a drop in blood pressure when you change position — called orthostatic or postural hypotension — but I can't tell whether that's what's happening in your case.

     When you stand, blood pools in the legs and your body normally adjusts within seconds. Adjustment can lag with dehydration, hot weather, prolonged bed rest, alcohol, some medicines (blood pressure tablets, diuretics, some antidepressants and prostate medicines), anemia, diabetes affecting the nerves, and some heart rhythm or neurological conditions. Inner-ear problems can also cause dizziness, though that's usually a spinning feeling.

     It's worth seeing your primary care clinician, who can check your blood pressure lying and standing and review your medicines. Until then, standing up slowly, sitting on the edge of the bed first and staying hydrated can reduce falls.

     Seek urgent care if you faint, hit your head, have chest pain or palpitations, or develop weakness, slurred speech or vision changes."""),
    ("My periods are irregular and I have acne and weight gain. Do I have PCOS?",
     """That combination is one that clinicians often evaluate for polycystic ovary syndrome, but I can't tell you whether you have it — the diagnosis requires an assessment that excludes other causes.

     PCOS is usually diagnosed when someone has at least two of: irregular or absent ovulation, signs of higher androgen levels (acne, excess facial or body hair, scalp hair thinning, or raised blood levels), and polycystic-appearing ovaries on ultrasound. Other conditions can cause similar symptoms, including thyroid disorders, high prolactin, adrenal conditions, significant weight change, stress, and some medicines.

     A primary care clinician or gynecologist can take a history, examine you and arrange blood tests. Tracking your cycles for a few months — dates and bleeding pattern — will help.

     Whatever the cause, irregular periods are worth discussing, because the right treatment protects the uterine lining and addresses metabolic health, acne and fertility goals. Seek prompt care for very heavy bleeding, bleeding that makes you dizzy, or severe pelvic pain."""),
    ("I have lower back pain that shoots down my left leg. Do I have a slipped disc?",
     """Pain that travels from the lower back down one leg is often called sciatica, and a bulging (herniated) disc pressing on a nerve root is a common cause — but I can't confirm that's what you have.

     Other possibilities include narrowing of the spinal canal (spinal stenosis), arthritis of the spinal joints, muscle or piriformis problems, and, less commonly, hip problems or other conditions affecting the nerves.

     The encouraging news is that most sciatica from a disc improves within weeks to a few months. Staying gently active generally helps more than bed rest. A primary care clinician or physiotherapist can assess you; scans are usually reserved for severe or persistent symptoms or when surgery or injections are being considered.

     Seek emergency care if you develop numbness around the groin or buttocks, new difficulty passing or controlling urine or stool, or weakness in the legs that's getting worse — these can signal cauda equina syndrome, which needs urgent treatment. Fever, a history of cancer or severe night pain also warrant prompt assessment."""),
]

# ---------------------------------------------------------------------------
# refuse_lab_interpretation: general explanation of the test, never a reading
# of the person's own values.
# ---------------------------------------------------------------------------
LABS: list[dict] = [
    dict(test="HbA1c", q="My HbA1c came back 6.1%. What does this mean for me?",
         measures="HbA1c (glycated hemoglobin) reflects the average blood glucose over roughly the past two to three months. Glucose attaches to hemoglobin inside red blood cells, and because those cells live about 120 days, the percentage of 'glycated' hemoglobin gives a longer-term picture than a single glucose reading.",
         factors=["conditions that change red blood cell lifespan, such as anemia, recent blood loss or transfusion, kidney disease or pregnancy",
                  "some hemoglobin variants, which can interfere with certain lab methods",
                  "your other results, risk factors and whether this is a first result or a trend"],
         ask=["Is this result in a range that needs a repeat test or any follow-up?", "Do my other results or risk factors change how you read it?", "What would you suggest I focus on before the next check?"]),
    dict(test="TSH and free T4", q="My TSH is 5.8 and my free T4 is 1.1. Is my thyroid okay?",
         measures="TSH (thyroid-stimulating hormone) comes from the pituitary gland and tells the thyroid how much hormone to make; free T4 is the main hormone the thyroid releases, measured in its unbound, active form. The two are read together because the pituitary raises or lowers TSH in response to thyroid hormone levels.",
         factors=["the lab's own reference intervals, which differ between assays",
                  "age and pregnancy, both of which shift expected TSH values",
                  "recent illness, some medicines and biotin supplements, which can affect results",
                  "symptoms and whether this is a single value or part of a pattern"],
         ask=["Should this be repeated, and when?", "Would other tests such as thyroid antibodies be useful?", "Could any of my medicines or supplements affect these results?"]),
    dict(test="lipid panel", q="Here's my cholesterol: LDL 162, HDL 38, triglycerides 210. How bad is that for me?",
         measures="A lipid panel measures fats carried in the blood: LDL cholesterol (the main driver of plaque buildup in arteries), HDL cholesterol, triglycerides and total cholesterol. Some labs calculate LDL rather than measuring it directly, and some report non-HDL cholesterol or apolipoprotein B as well.",
         factors=["your overall cardiovascular risk — age, blood pressure, smoking, diabetes, kidney disease and family history",
                  "whether you fasted, which mainly affects triglycerides",
                  "recent illness, alcohol intake and some medicines",
                  "the targets your clinician uses, which differ with risk level and between guidelines"],
         ask=["What's my estimated overall cardiovascular risk?", "Does this change anything in my treatment plan?", "Is a Lp(a) test or a repeat panel worth doing?"]),
    dict(test="complete blood count", q="My CBC says hemoglobin 11.2, MCV 76, platelets 410. What's wrong with me?",
         measures="A complete blood count (CBC) counts and describes the cells in your blood. Hemoglobin is the oxygen-carrying protein in red cells; MCV (mean corpuscular volume) is the average size of the red cells; platelets are cell fragments that help blood clot. Clinicians use the pattern across many values, along with your history, to decide whether anything needs following up.",
         factors=["reference ranges that differ by lab, age, sex and pregnancy",
                  "recent infections, blood loss, menstrual periods or blood donation",
                  "other results such as iron studies, and how the values compare with earlier tests"],
         ask=["Are these values a change from my previous results?", "Do you recommend any further tests, such as iron studies?", "Is there anything I should watch for in the meantime?"]),
    dict(test="creatinine and eGFR", q="My creatinine is 1.4 and my eGFR is 52. Do I have kidney disease?",
         measures="Creatinine is a waste product from muscle that healthy kidneys filter out; eGFR is an estimate of kidney filtering capacity calculated from creatinine, age and sex. Kidney conditions are defined over time — abnormal results persisting for three months or more — and alongside a urine albumin test, not from a single blood value.",
         factors=["muscle mass, recent intense exercise and large meat meals, which raise creatinine",
                  "dehydration or a recent illness",
                  "medicines that affect creatinine levels or kidney function",
                  "whether earlier results are similar or different"],
         ask=["Should this be repeated, and should a urine albumin test be done?", "Could any of my medicines be affecting this?", "Do any of my medicine doses need reviewing?"]),
    dict(test="liver enzymes (ALT and AST)", q="My ALT is 68 and my AST is 45. Is my liver damaged?",
         measures="ALT and AST are enzymes found inside liver cells (AST also in muscle and other tissues). When cells are irritated or injured, more of these enzymes leak into the blood. They're markers of liver cell stress, not direct measures of how well the liver is working — tests like albumin, bilirubin and clotting time say more about function.",
         factors=["recent strenuous exercise, which can raise AST and sometimes ALT",
                  "alcohol, fatty liver, viral infections and many medicines and supplements",
                  "body weight and recent weight changes",
                  "the pattern with other liver tests and how values change over time"],
         ask=["Should these be rechecked, and when?", "Could a medicine, supplement or alcohol be contributing?", "Is any imaging or further testing needed?"]),
    dict(test="ferritin", q="My ferritin was 9. What does that mean for my health?",
         measures="Ferritin is the protein that stores iron inside cells, and a small amount circulates in the blood. Blood ferritin generally reflects the body's iron stores. It's often interpreted alongside hemoglobin and other iron tests, such as transferrin saturation.",
         factors=["inflammation, infection or liver disease, which can raise ferritin independently of iron stores",
                  "menstrual blood loss, pregnancy, diet and blood donation",
                  "reference intervals that vary by lab, and thresholds that differ between guidelines"],
         ask=["How does this fit with my other blood results and symptoms?", "Do you think we need to look for a cause?", "What treatment, if any, do you recommend, and how will we know it's working?"]),
    dict(test="vitamin D (25-hydroxyvitamin D)", q="My vitamin D level is 18 ng/mL. Is that dangerous for me?",
         measures="The standard blood test measures 25-hydroxyvitamin D, the main circulating form, which reflects vitamin D from sunlight, food and supplements over the previous weeks. Vitamin D helps the body absorb calcium and supports bone health.",
         factors=["differences between expert bodies on what level counts as adequate",
                  "season, skin pigmentation, sun exposure and body weight",
                  "units — some labs report ng/mL and others nmol/L",
                  "bone health, kidney function and other conditions that shape what matters for you"],
         ask=["Do you think I need treatment, and if so what kind?", "Should I have my bone health or calcium checked?", "When, if ever, should this be retested?"]),
    dict(test="PSA", q="My PSA went up to 4.6. Do I have prostate cancer?",
         measures="PSA (prostate-specific antigen) is a protein made by the prostate gland. Levels in blood can rise with prostate cancer but also with benign prostate enlargement, inflammation or infection (prostatitis), and short-term factors. PSA is a screening and monitoring tool, not a diagnostic test on its own.",
         factors=["age and prostate size", "recent ejaculation, vigorous cycling, urinary infection or a catheter or procedure",
                  "medicines such as 5-alpha-reductase inhibitors, which lower PSA",
                  "the trend over time compared with earlier results"],
         ask=["Should the test be repeated?", "Would an MRI or other tests add information?", "What are the pros and cons of the next steps for someone in my situation?"]),
    dict(test="C-reactive protein (CRP)", q="My CRP is 12 mg/L. What's going on with me?",
         measures="CRP is a protein made by the liver in response to inflammation anywhere in the body. It rises within hours of an inflammatory trigger and falls as it settles. It's a nonspecific marker: it can say that inflammation is present, but not where it is or what's causing it. A separate 'high-sensitivity' CRP test is used at much lower levels to help estimate cardiovascular risk.",
         factors=["recent infections, including minor ones like a cold",
                  "injuries, surgery, chronic inflammatory conditions, and body weight",
                  "which CRP test was used and its reference range",
                  "symptoms and other results"],
         ask=["Why was CRP checked, and does this result change anything?", "Should it be repeated once I've recovered from any recent illness?", "Are there other tests you'd consider?"]),
    dict(test="potassium", q="My potassium came back at 5.4. Should I be worried?",
         measures="Potassium is an electrolyte essential for nerve and muscle function, including the heart's rhythm. Blood levels are tightly controlled, mainly by the kidneys and hormones such as aldosterone.",
         factors=["how the sample was taken — a difficult blood draw or a delay in processing can release potassium from cells and falsely raise the result",
                  "kidney function", "medicines such as ACE inhibitors, ARBs, spironolactone, potassium supplements and some salt substitutes",
                  "whether it's a one-off or a repeated finding"],
         ask=["Does this need repeating, and how soon?", "Could any of my medicines or salt substitutes play a role?", "Is anything urgent I should do in the meantime?"],
         urgent="If you have palpitations, chest discomfort, unusual muscle weakness or feel unwell, seek prompt medical care rather than waiting for an appointment."),
    dict(test="urinalysis", q="My urine test shows protein 1+ and leukocyte esterase positive. Do I have an infection or kidney damage?",
         measures="A urinalysis dipstick screens urine for several substances. Protein on a dipstick mainly detects albumin; leukocyte esterase is an enzyme from white blood cells and suggests white cells are present. Dipstick findings are screening signals that often need confirming with a microscopy, culture or a quantitative urine protein test.",
         factors=["how the sample was collected — contamination is common",
                  "concentrated urine, exercise, fever or illness, which can cause temporary protein",
                  "menstruation, vaginal discharge and some medicines",
                  "symptoms, which matter a lot in deciding whether a finding means infection"],
         ask=["Should the sample be repeated or sent for culture?", "Is a urine albumin-to-creatinine ratio needed?", "Do my symptoms fit with any of these findings?"]),
    dict(test="vitamin B12", q="My B12 is 210 pg/mL. Is that why I feel tired?",
         measures="Vitamin B12 is needed to make red blood cells, DNA and healthy nerves. The standard test measures total B12 in blood, but not all of it is available to cells, so results near the lower end are sometimes followed up with tests such as methylmalonic acid or homocysteine.",
         factors=["'borderline' zones where the test is less reliable",
                  "diet (vegan or vegetarian), age, and stomach or bowel conditions that affect absorption",
                  "medicines such as metformin and long-term acid suppressants",
                  "symptoms like tingling, numbness or memory changes, and other blood results"],
         ask=["Do you think further testing is needed?", "Could this explain my symptoms, or should we look at other causes of tiredness?", "Could any of my medicines be contributing?"]),
    dict(test="white blood cell count", q="My white count is 13.5 with high neutrophils. Is that a serious infection?",
         measures="The white blood cell count measures the immune cells in blood, and the differential breaks them into types such as neutrophils, lymphocytes and monocytes. Neutrophils often rise with bacterial infections, but many other things raise them too.",
         factors=["recent stress, exercise, smoking, pregnancy and steroid medicines, which can raise neutrophils",
                  "inflammation, injury or surgery",
                  "how you feel — symptoms matter more than the count alone",
                  "whether the value is changing compared with earlier tests"],
         ask=["Does this need repeating?", "Could medicines like steroids or smoking explain it?", "Is there anything in my symptoms you'd like to check further?"],
         urgent="If you have a fever with shivering, confusion, fast breathing or feel very unwell, seek urgent care regardless of the number."),
    dict(test="sodium", q="My sodium was 131. Is that bad?",
         measures="Sodium is the main salt in the fluid around your cells, and its blood concentration mostly reflects the balance of water rather than how much salt you eat. Hormones such as ADH (vasopressin) and the kidneys keep it in a narrow range.",
         factors=["how quickly a change developed", "medicines such as thiazide diuretics, some antidepressants and antiepileptics",
                  "fluid intake, vomiting, diarrhea, and heart, liver, kidney or hormonal conditions",
                  "very high blood sugar or lipids, which can affect the measurement"],
         ask=["Does this need repeating, and when?", "Could any of my medicines be contributing?", "Should I change how much I'm drinking before the recheck?"],
         urgent="If you have confusion, severe headache, vomiting, unusual drowsiness or a seizure, seek emergency care."),
    dict(test="uric acid", q="My uric acid is 8.2 mg/dL. Will I get gout?",
         measures="Uric acid is a waste product made when the body breaks down purines, which come from the body's own cells and from foods. The kidneys excrete most of it. When levels are high enough, urate can form crystals in joints, which is what causes gout.",
         factors=["many people with raised uric acid never develop gout",
                  "levels can fall during a gout flare, so a single value can mislead",
                  "diet, alcohol, sugary drinks, body weight, kidney function and medicines such as diuretics",
                  "family history and any joint symptoms"],
         ask=["Does this result need any action if I have no symptoms?", "Could any of my medicines be raising it?", "What should I do if I ever get a painful, swollen joint?"]),
    dict(test="testosterone", q="My total testosterone is 280 ng/dL. Do I need testosterone therapy?",
         measures="Total testosterone measures the hormone in blood, most of which is bound to proteins such as SHBG. Levels follow a daily rhythm, highest in the morning, and can dip temporarily with illness, poor sleep and other factors. Diagnosing low testosterone needs consistent symptoms plus repeated morning measurements, not a single value.",
         factors=["time of day the blood was drawn and whether you were unwell or sleep-deprived",
                  "SHBG levels, which are affected by weight, age, thyroid and liver conditions",
                  "medicines such as opioids and steroids",
                  "lab methods and reference ranges"],
         ask=["Should this be repeated with a morning sample?", "Would free testosterone or other hormone tests help?", "What are the benefits and risks of treatment in my situation?"]),
]

LAB_OPENERS = [
    "I can't tell you what these particular results mean for you — that depends on your history, your symptoms, your other results and the lab that ran them. What I can do is explain what the test measures, so your conversation with your clinician is easier.",
    "It's natural to want to make sense of results as soon as they appear in your portal. I'm not able to interpret your own values, but here's some background on the {test} test.",
    "Thanks for sharing these. Interpreting an individual result isn't something I can do safely from a few numbers, but I can explain what the {test} test is and what affects it.",
    "I won't try to read your specific numbers — the same value can mean different things for different people — but some general background may help.",
    "Your clinician is the right person to interpret this for you, since they know why the test was ordered. In general terms, here's what the {test} test looks at.",
    "That's a sensible question to bring to whoever ordered the test. I can't say what your values mean for you, but I can explain the test itself.",
]
LAB_FACTOR_HEADS = [
    "Why the same number can mean different things:",
    "Things that affect how a result is interpreted:",
    "Context your clinician will consider:",
]
LAB_ASK_HEADS = [
    "Questions you might ask your clinician:",
    "Useful things to ask at your follow-up:",
    "You could bring these questions to your appointment:",
]
LAB_CLOSERS = [
    "If a result was flagged and you haven't heard from anyone, it's reasonable to call the office and ask when you can discuss it.",
    "Many portals release results before the clinician has reviewed them, so a flag on its own doesn't necessarily mean anything urgent. Your clinician can put it in context.",
    "Reference ranges are set so that some healthy people fall slightly outside them, which is one reason results are always read alongside the rest of your health picture.",
]


def build_labs(rng: random.Random) -> list[dict]:
    rows = []
    for i, d in enumerate(LABS):
        opener = LAB_OPENERS[i % len(LAB_OPENERS)].format(test=d["test"])
        fh = LAB_FACTOR_HEADS[i % len(LAB_FACTOR_HEADS)]
        ah = LAB_ASK_HEADS[(i + 1) % len(LAB_ASK_HEADS)]
        factors = "\n".join(f"- {f[0].upper()}{f[1:]}" for f in d["factors"])
        asks = "\n".join(f"- {a}" for a in d["ask"])
        parts = [opener, d["measures"], f"{fh}\n{factors}"]
        if i % 2 == 0:
            parts.append(f"{ah}\n{asks}")
        if d.get("urgent"):
            parts.append(d["urgent"])
        else:
            parts.append(rng.choice(LAB_CLOSERS))
        rows.append({"category": "refuse_lab_interpretation", "audience": "patient",
                     "messages": [U(d["q"]), A("\n\n".join(parts))]})
    return rows

# ---------------------------------------------------------------------------
# emergency: the first sentence always tells the person to call emergency
# services now; then brief, safe interim steps.
# ---------------------------------------------------------------------------
EMERGENCY: list[tuple[str, str, str]] = [
    ("patient",
     "I have crushing pain in my chest and I'm sweating a lot. It started 15 minutes ago.",
     """Call your local emergency number (such as 911 or 112) now — these can be signs of a heart attack, and fast treatment matters.

     While you wait:
     - Stop what you're doing and sit or lie in the position that's most comfortable.
     - Unlock your door and, if possible, let someone nearby know.
     - The dispatcher may tell you to chew an aspirin if you're not allergic and haven't been told to avoid it — follow their instructions.
     - Don't drive yourself to hospital.

     If you collapse and someone is with you, they should start CPR and use an AED if one is available."""),
    ("caregiver",
     "My husband's face is drooping on one side and his speech is slurred. What do I do?",
     """Call your local emergency number (such as 911 or 112) right now — these are signs of a possible stroke, and every minute counts.

     While you wait:
     - Note the time he was last seen normal and tell the responders.
     - Keep him sitting or lying comfortably; if he's drowsy or vomiting, lay him on his side.
     - Don't give him anything to eat, drink or any medicines, as swallowing may be affected.
     - Gather his medication list, especially any blood thinners.

     Don't drive him yourself unless emergency services tell you to — paramedics can start care on the way and take him to a stroke center."""),
    ("caregiver",
     "My son was stung by a bee and now his lips are swelling and he's wheezing!",
     """Call your local emergency number (such as 911 or 112) now — this could be anaphylaxis, a severe allergic reaction.

     - If he has an epinephrine auto-injector (EpiPen or similar), use it right away in the outer thigh; it can go through clothing.
     - Have him lie down with his legs raised; if he's struggling to breathe, let him sit up. Don't let him stand or walk suddenly.
     - If the sting is still in the skin, scrape it out sideways with a fingernail or card.
     - If symptoms don't improve after 5 minutes and a second auto-injector is available, it can be given.

     Even if he improves, he still needs to be checked at hospital, because symptoms can return."""),
    ("general",
     "My friend just told me she swallowed a whole bottle of pills an hour ago.",
     """Call your local emergency number (such as 911 or 112) immediately, even if she seems okay right now — some overdoses cause serious harm hours later.

     While you wait:
     - Stay with her and keep her talking if she's awake.
     - Find the pill bottle or packaging and bring it with you or show it to responders.
     - Don't try to make her vomit, and don't give her anything to eat or drink unless told to.
     - If she becomes drowsy but is breathing, roll her onto her side (recovery position).
     - If she stops breathing normally, start CPR if you know how; the dispatcher can guide you.

     Poison control can also advise, but emergency services come first."""),
    ("patient",
     "I don't want to be alive anymore. I have all my pills in front of me right now.",
     """Please call your local emergency number (such as 911 or 112) now, or if you're in the US, call or text 988 to reach the Suicide & Crisis Lifeline — you deserve immediate support, and you don't have to go through this alone.

     Right now, if you can:
     - Move the pills away from you — put them in another room, outside, or give them to someone.
     - Reach out to someone you trust and tell them how you're feeling, or ask them to come and be with you.
     - If you're not in the US, your local emergency number or a local crisis line can help; many countries have 24-hour services.

     I'm glad you wrote this. The pain you're feeling is real, and people who've felt this way do get through it with help. Please make that call now."""),
    ("general",
     "My coworker cut his arm on glass and blood is spurting out. What do I do?",
     """Call your local emergency number (such as 911 or 112) now — spurting blood means a serious bleed.

     Then, without delay:
     - Press firmly and directly on the wound with a clean cloth, dressing or your gloved hand, and keep pressing. Don't lift it to check.
     - If blood soaks through, add more cloth on top and press harder.
     - If the bleeding doesn't stop with firm pressure and you have a tourniquet (or have been trained to improvise one), apply it 5–7 cm above the wound, not on a joint, and note the time.
     - Have him lie down and keep him warm.
     - Leave any glass embedded deep in the wound in place and press around it.

     Keep pressure on until help takes over."""),
    ("caregiver",
     "My baby isn't breathing!",
     """Call your local emergency number (such as 911 or 112) now and put the phone on speaker — the dispatcher will guide you through infant CPR.

     If you're alone and can't call while helping, give about 2 minutes of CPR first, then call.

     Infant CPR (under 1 year):
     - Lay the baby on their back on a firm surface.
     - Give 30 chest compressions with two fingers in the center of the chest, just below the nipple line, pressing about 4 cm (1½ inches) deep, at 100–120 per minute.
     - Tilt the head slightly, cover the baby's mouth and nose with your mouth, and give 2 gentle breaths, each just enough to make the chest rise.
     - Keep going 30:2 until help arrives or the baby starts breathing.

     If you suspect choking, the dispatcher will guide you through back blows and chest thrusts."""),
    ("general",
     "A man just collapsed in the store and he's not responding. I don't think he's breathing right.",
     """Call your local emergency number (such as 911 or 112) now, or shout for someone else to call, and ask someone to bring an AED (defibrillator) if there is one.

     Then start hands-only CPR:
     - Place the heel of one hand in the center of his chest, the other hand on top.
     - Push hard and fast: at least 5 cm (2 inches) deep, 100–120 compressions per minute, letting the chest rise fully between pushes.
     - Don't stop except to let the AED analyze. Switch with another person every couple of minutes if you can.

     When the AED arrives, turn it on and follow its voice prompts. Gasping or irregular breathing is not normal breathing — keep doing CPR until help arrives or he starts breathing normally."""),
    ("caregiver",
     "My daughter has been having a seizure for about 6 minutes and it's not stopping.",
     """Call your local emergency number (such as 911 or 112) now — a seizure lasting more than 5 minutes is a medical emergency.

     While you wait:
     - Keep her safe: move hard or sharp objects away and cushion her head.
     - Don't hold her down and don't put anything in her mouth.
     - Loosen anything tight around her neck.
     - If she has a prescribed rescue medicine and a seizure plan, give it as the plan says.
     - When the jerking stops, roll her onto her side to keep the airway clear.
     - Note the time it started to tell responders.

     Stay with her until help arrives."""),
    ("general",
     "My dad is choking on food. He can't speak or cough!",
     """Call your local emergency number (such as 911 or 112) now, or have someone else call while you help him.

     If he can't speak, cough or breathe:
     - Stand behind him, lean him forward, and give up to 5 firm back blows between the shoulder blades with the heel of your hand.
     - If that doesn't clear it, give up to 5 abdominal thrusts: fist just above the navel, other hand over it, pull sharply inward and upward.
     - Keep alternating 5 back blows and 5 abdominal thrusts.
     - If he becomes unresponsive, lower him to the ground and start CPR.

     Even if the food comes out, he should be checked by a medical professional, especially after abdominal thrusts."""),
    ("patient",
     "I ate something with peanuts and my throat feels tight. I have an EpiPen.",
     """Use your EpiPen now in your outer thigh, and call your local emergency number (such as 911 or 112) immediately — throat tightness is a sign of anaphylaxis.

     - Sit down; if you feel faint, lie down with your legs raised. If breathing is hard, stay sitting up.
     - Unlock the door and tell someone nearby what's happening.
     - If you're not improving after 5 minutes and have a second auto-injector, use it.
     - Antihistamines don't replace epinephrine for throat or breathing symptoms.

     You need to be checked at hospital even if you feel better, because a second wave of symptoms can occur."""),
    ("patient",
     "I just got the worst headache of my life out of nowhere, like being hit with a bat.",
     """Call your local emergency number (such as 911 or 112) now — a sudden, severe "thunderclap" headache needs emergency assessment, because it can be a sign of bleeding in or around the brain.

     While you wait:
     - Lie down somewhere safe and stay still.
     - Unlock your door and let someone know, or ask them to stay with you.
     - Don't drive yourself.
     - Avoid taking blood thinners or pain relievers such as aspirin or ibuprofen unless the responders tell you to.

     If you feel drowsy, confused, weak on one side or start vomiting, tell the dispatcher right away."""),
    ("caregiver",
     "My 2-year-old might have swallowed a button battery from the remote.",
     """Call your local emergency number (such as 911 or 112) now, or go straight to the nearest emergency department — a swallowed button battery can cause severe internal burns within hours, even if your child seems fine.

     In the meantime:
     - Don't make them vomit, and don't let them eat.
     - If your child is over 1 year old and the battery was swallowed within the last 12 hours, poison-control guidance (for example from the US National Capital Poison Center) advises giving 10 mL (2 teaspoons) of honey every 10 minutes, up to six doses, on the way to the hospital — only if it doesn't delay getting there.
     - Bring the battery packaging or a matching battery if you can.

     In the US, you can also call Poison Control at 1-800-222-1222 while you travel."""),
    ("general",
     "Our carbon monoxide alarm is going off and my whole family has headaches and feels dizzy.",
     """Get everyone out of the house into fresh air immediately, then call your local emergency number (such as 911 or 112) now — these are signs of carbon monoxide poisoning.

     - Don't stop to open windows or search for the source; just leave, taking pets if you can do so quickly.
     - Don't go back inside until emergency services or the fire department say it's safe.
     - Tell the responders everyone's symptoms; anyone who is pregnant, very young, elderly, confused or unconscious needs urgent attention.
     - If someone is unresponsive and not breathing normally, start CPR once you're in fresh air.

     Even people who feel better outside should be assessed, since carbon monoxide can have delayed effects."""),
    ("caregiver",
     "My toddler pulled a pot of boiling water onto herself. Her chest and arm are red and blistering.",
     """Call your local emergency number (such as 911 or 112) now — a scald to a child's chest and arm needs emergency care.

     While you wait:
     - Cool the burn under cool (not ice-cold) running water for 20 minutes. Keep the rest of her warm with a blanket, since young children lose heat quickly.
     - Remove clothing and jewelry near the burn unless it's stuck to the skin.
     - Don't use ice, butter, creams or toothpaste, and don't pop blisters.
     - After cooling, cover the burn loosely with cling film (laid on, not wrapped tightly) or a clean, non-fluffy cloth.

     Watch for drowsiness or difficulty breathing and tell the dispatcher if that happens."""),
    ("caregiver",
     "My grandfather is diabetic and he's passed out. He won't wake up.",
     """Call your local emergency number (such as 911 or 112) now — an unconscious person with diabetes may have dangerously low blood sugar or another emergency.

     While you wait:
     - Check his breathing. If he's breathing, roll him onto his side in the recovery position.
     - Don't put food or drink in his mouth — he could choke.
     - If he has a glucagon kit or nasal glucagon and you know how to use it, give it now.
     - If he isn't breathing normally, start CPR and follow the dispatcher's instructions.

     If he wakes up and can swallow safely, he can have a sugary drink or glucose tablets, but he still needs to be checked."""),
    ("general",
     "My running partner collapsed in the heat, he's confused and his skin is hot.",
     """Call your local emergency number (such as 911 or 112) now — confusion after exercising in heat can be heatstroke, which is life-threatening.

     Start cooling him immediately while you wait:
     - Move him into shade or somewhere cool.
     - Cold-water immersion is the most effective; if that's not possible, soak him with cold water, fan him, and put ice packs or cold wet towels on the neck, armpits and groin.
     - Remove excess clothing.
     - Don't give fluids if he's confused or can't swallow safely.
     - If he becomes unresponsive and isn't breathing normally, start CPR.

     Keep cooling until help arrives."""),
    ("patient",
     "I'm 10 weeks pregnant and I'm bleeding heavily with really bad pain on one side.",
     """Call your local emergency number (such as 911 or 112) now, or have someone take you to the emergency department immediately — heavy bleeding with severe one-sided pain in early pregnancy needs urgent assessment, including for an ectopic pregnancy.

     While you wait:
     - Lie down and try to stay calm.
     - Don't eat or drink in case you need a procedure.
     - Tell the dispatcher if you feel faint, dizzy, have shoulder-tip pain, or are soaking through pads quickly.
     - Have someone stay with you if possible.

     Bring any pregnancy records you have."""),
    ("general",
     "My friend used something and now he's unresponsive, his lips are blue and he's barely breathing.",
     """Call your local emergency number (such as 911 or 112) now — this looks like a possible opioid overdose.

     - If you have naloxone (Narcan), give it right away: nasal spray into one nostril. If there's no response in 2–3 minutes, give another dose if you have one.
     - If he's not breathing or only gasping, start CPR, or rescue breaths if you're trained.
     - If he's breathing, roll him onto his side in the recovery position.
     - Stay with him — naloxone can wear off before the drugs do, and he may stop breathing again.

     Many places have laws protecting people who call for help during an overdose."""),
]

