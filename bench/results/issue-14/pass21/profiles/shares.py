# Shares of all samples (inclusive) of the frames pass 21 targets, per collapsed profile: python3 shares.py LABEL FILE [LABEL FILE ...] (zcat the .gz first)
import sys,glob
frames=['Evaluator.decide;','Programs.runAll','PolicyCatalog.inForce','BusinessCalendar.dateOf','Programs.evidence','Plan.missingEvidence','MissingEvidence.mask','MissingEvidence.oneOfMissing','MissingEvidence$Planned.answer','Selection.choose','Selection.namesKind','Refunds.net','Offers.offer','Decision.<init>']
def shares(path):
    tot=0; c={f:0 for f in frames}
    for l in open(path):
        st,n=l.rsplit(' ',1); n=int(n); tot+=n
        st=st+';'
        for f in frames:
            if f in st: c[f]+=n
    return tot,c
args=sys.argv[1:]
for i in range(0,len(args),2):
    tot,c=shares(args[i+1])
    print(args[i], tot)
    for f in frames: print('   %5.1f %s'%(100*c[f]/tot, f.rstrip(';')))
