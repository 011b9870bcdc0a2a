/**
 * Browser: the one script every page loads (Base.astro). One file, whatever the page holds: a first visit pays
 * for every response's headers as well as its bytes (../shared/spec/budgets.md: first visit ≤ 15 KB, everything
 * counted), and eight small scripts cost more in headers than in code. What a page must do at once is imported
 * here; a component's larger part is fetched only when a reader first uses it (its *-start.ts says when).
 */
import '../components/SortieRapide/sortie-rapide.ts';
import '../components/ServiceWorker/register.ts';
import '../components/ProchaineDate/prochaine-date.ts';
import '../components/PlacesEnDirect/places-en-direct.ts';
import '../components/Ecouter/ecouter-start.ts';
import '../components/TrouverQuartier/trouver-quartier-start.ts';
import '../components/Recherche/recherche-start.ts';
import '../components/forms/Form/form-start.ts';
