// Fictional publishers the synthetic sources cite, most cited first; all on reserved .example domains.
export type Publisher = { name: string; domain: string };

export const PUBLISHERS: Publisher[] = `The Daily Ledger|ledger.example
Wire Report|news.example
Signal and Noise|signalnoise.example
The Circuit|circuit.example
Metro Courier|courier.example
Policy Desk|policydesk.example
The Technology Review Weekly|techweekly.example
Northern Gazette|gazette.example
Open Record|openrecord.example
The Algorithm Monitor|algomonitor.example
Civic Times|civictimes.example
Health Beat|healthbeat.example
Market Journal|marketjournal.example
The Data Observer|dataobserver.example
Consumer Watch|consumerwatch.example
Court Notes|courtnotes.example
The Robotics Post|roboticspost.example
Campus Herald|campusherald.example
Labour Bulletin|labourbulletin.example
Security Ledger|securityledger.example
Harbour Chronicle|chronicle.example
The Evening Standard Wire|eveningwire.example
Digital Rights Review|rightsreview.example
Science Dispatch|sciencedispatch.example
Transport Today|transporttoday.example`
  .split("\n")
  .map((line) => {
    const [name = "", domain = ""] = line.split("|");
    return { name, domain };
  });
